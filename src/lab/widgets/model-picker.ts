/**
 * "Load model files": a file picker for a model the learner downloaded earlier (model.json and its
 * weights file). Resolves with the model and its lab metadata once files are picked; a wrong pick
 * shows what was wrong and lets the learner pick again.
 */
import type * as tf from '@tensorflow/tfjs';
import { activeSink } from '../../notebook/current.ts';
import type { LabModelInfo } from '../model-io/info.ts';
import { loadModel, modelFromFiles, type LoadOptions } from '../model-io/save-load.ts';
import { el, hasDom } from './dom.ts';

export function pickModelFiles(options: LoadOptions = {}): Promise<{ model: tf.LayersModel; info: LabModelInfo }> {
  if (!hasDom()) return Promise.reject(new Error('pickModelFiles needs a page to pick files in; headless, use loadModel(folder)'));
  const sink = activeSink();
  const root = el('div', { class: 'lab-model-picker' });
  const input = el('input', { type: 'file', multiple: '', accept: '.json,.bin', 'aria-label': 'Model files (model.json and its weights)' });
  const status = el(
    'p',
    { class: 'picker-status', 'aria-live': 'polite' },
    'Pick the model’s .json file and its .bin weights file together.',
  );
  const label = el('label', {}, 'Load model files ');
  label.append(input);
  root.append(label, status);
  sink?.push({ kind: 'html', node: root, text: 'model file picker' });
  return new Promise((resolve) => {
    input.addEventListener('change', async () => {
      try {
        const loaded = await loadModel(modelFromFiles([...(input.files ?? [])]), options);
        status.textContent = `Loaded: ${loaded.info.classes.join(', ')} · input ${JSON.stringify(loaded.info.inputShape)}`;
        resolve(loaded);
      } catch (error) {
        status.textContent = `${(error as Error).message}. Pick again.`;
        status.setAttribute('role', 'alert');
      }
      sink?.changed();
    });
  });
}
