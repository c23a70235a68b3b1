/**
 * The sandboxed runner: a lesson that came from elsewhere (a shared link, an imported file) runs
 * here, in a frame whose origin is opaque, so its code cannot read or change the learner's saved
 * edits, progress or models. This script is one classic bundle (a module script would need CORS
 * from an opaque origin); data comes through the shell, models saved here stay in memory.
 */
import * as tf from '@tensorflow/tfjs';
import * as Plot from '@observablehq/plot';
import MarkdownIt from 'markdown-it';
import { labFences } from '../site/lab-fences.ts';
import { Kernel, type CellState } from '../notebook/kernel.ts';
import { parseLesson } from '../notebook/parse.ts';
import { cellsOf, type Lesson } from '../notebook/lesson.ts';
import { wrapPlot } from '../notebook/plot.ts';
import * as lab from '../lab/index.ts';
import { setLabEnvironment } from '../lab/environment.ts';
import { renderOutputs } from '../client/render.ts';
import { chooseBackend } from '../client/backend.ts';
import type { FromSandbox, ToSandbox } from './protocol.ts';
import { MAX_DOWNLOAD_BYTES } from './downloads.ts';

const send = (message: FromSandbox, transfer: Transferable[] = []) => parent.postMessage(message, '*', transfer);

/**
 * The frame may not download (no allow-downloads): a click on a download link, from the lab's
 * helpers, TF.js's downloads:// or the lesson's own code, is sent to the shell instead, which
 * offers the file with a button.
 */
async function sendDownload(anchor: HTMLAnchorElement): Promise<void> {
  try {
    const blob = await (await fetch(anchor.href)).blob();
    if (blob.size > MAX_DOWNLOAD_BYTES) throw new Error(`${blob.size} bytes is more than a sandbox may save`);
    const bytes = await blob.arrayBuffer();
    send({ type: 'download', name: anchor.download || 'download', mime: blob.type, bytes }, [bytes]);
  } catch (error) {
    console.warn(`the download of ${anchor.download} was dropped: ${(error as Error).message}`);
  }
}
const isDownloadLink = (target: unknown): target is HTMLAnchorElement =>
  target instanceof HTMLAnchorElement && target.hasAttribute('download') && /^(blob|data):/.test(target.href);
const click = HTMLElement.prototype.click;
HTMLElement.prototype.click = function (this: HTMLElement) {
  if (isDownloadLink(this)) void sendDownload(this);
  else click.call(this);
};
const dispatch = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
  if (event.type === 'click' && isDownloadLink(this)) {
    void sendDownload(this);
    return false;
  }
  return dispatch.call(this, event);
};
const pending = new Map<number, { resolve(bytes: ArrayBuffer): void; reject(error: Error): void }>();
let nextId = 1;

/** A lab file (dataset or shipped model part) through the shell, the only way out of this frame. */
function labFile(path: string): Promise<ArrayBuffer> {
  const id = nextId++;
  send({ type: 'file', id, path });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

/** Models saved with lab://NAME live in this frame's memory: the learner's IndexedDB is out of reach. */
const memoryModels = new Map<string, tf.io.ModelArtifacts>();
function memoryHandler(name: string): tf.io.IOHandler {
  return {
    async save(artifacts) {
      memoryModels.set(name, artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
    async load() {
      const artifacts = memoryModels.get(name);
      if (!artifacts) throw new Error(`no model lab://${name} saved in this sandbox`);
      return artifacts;
    },
  };
}

function shippedHandler(name: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(new TextDecoder().decode(await labFile(`models/${name}/model.json`)));
      const paths: string[] = json.weightsManifest.flatMap((group: { paths: string[] }) => group.paths);
      const parts = await Promise.all(paths.map((path) => labFile(`models/${name}/${path.replace(/^\.\//, '')}`)));
      const weights = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
      let offset = 0;
      for (const part of parts) {
        weights.set(new Uint8Array(part), offset);
        offset += part.byteLength;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((group: { weights: tf.io.WeightsManifestEntry[] }) => group.weights),
        weightData: weights.buffer,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

const markdown = new MarkdownIt({ html: false, linkify: true });
labFences(markdown, { interactive: false });

function renderLesson(lesson: Lesson): HTMLElement[] {
  const article = document.querySelector('article')!;
  article.replaceChildren();
  const title = document.createElement('h1');
  title.textContent = lesson.meta.title;
  article.append(title);
  const cellElements: HTMLElement[] = [];
  const env = {}; // one per file: hints are numbered across its prose blocks
  for (const block of lesson.blocks) {
    if (block.kind === 'prose') {
      const prose = document.createElement('div');
      prose.className = 'prose';
      prose.innerHTML = markdown.render(block.markdown, env); // html: false: any HTML in the file is shown as text
      article.append(prose);
      continue;
    }
    const cell = document.createElement('section');
    cell.className = 'cell';
    cell.dataset.cell = String(block.index);
    cell.dataset.status = block.options.run ? 'idle' : 'skipped';
    cell.setAttribute('aria-label', `Cell ${block.index + 1}`);
    const head = document.createElement('div');
    head.className = 'cell-head';
    head.innerHTML = `<span class="cell-label">[${block.index + 1}]</span><span class="cell-state" aria-live="polite"></span>`;
    const code = document.createElement('pre');
    code.className = 'cell-code';
    code.textContent = block.source;
    const output = document.createElement('div');
    output.className = 'cell-output';
    output.dataset.output = '';
    cell.append(head, code, output);
    article.append(cell);
    cellElements.push(cell);
  }
  return cellElements;
}

async function start(text: string, file: string): Promise<void> {
  const status = document.querySelector<HTMLElement>('.sandbox-status')!;
  let lesson: Lesson;
  try {
    lesson = parseLesson(text, file, { staleControls: 'drop' });
  } catch (error) {
    status.textContent = (error as Error).message;
    return;
  }
  const cellElements = renderLesson(lesson);
  status.textContent = 'Loading TensorFlow.js…';
  const backend = await chooseBackend(tf);
  const plot = wrapPlot(Plot);
  setLabEnvironment({
    plot: plot.plot as never,
    readDataset: (path) => labFile(`datasets/${path}`),
    shippedModel: shippedHandler,
    localModel: memoryHandler,
  });
  const kernel = new Kernel(
    lesson,
    {
      tf,
      Plot: plot,
      modules: { '@tensorflow/tfjs': tf, '@observablehq/plot': plot, lab },
      confirmStop: (message) => confirm(message),
    },
    { softExerciseChecks: true, useSolutions: false },
  );
  kernel.subscribe((cell: CellState) => {
    const element = cellElements[cell.index]!;
    element.dataset.status = cell.status;
    element.dataset.runs = String(cell.runs);
    element.querySelector('.cell-state')!.textContent = cell.status === 'done' ? `done in ${cell.ms ?? 0} ms` : cell.status;
    renderOutputs(element.querySelector<HTMLElement>('[data-output]')!, cell.outputs);
    const busy = kernel.cells.find((c) => c.status === 'running');
    status.textContent = busy ? `Running cell ${busy.index + 1} of ${cellsOf(lesson).length}` : `Ran in a sandbox on ${backend.name}`;
    send({ type: 'height', height: document.documentElement.scrollHeight });
  });
  document.querySelector('[data-action="stop"]')!.addEventListener('click', () => void kernel.stop());
  document.querySelector('[data-action="run-all"]')!.addEventListener('click', () => void kernel.runAll());
  // The learner asked to run it (that is how this frame came to exist): run it all.
  await kernel.runAll();
}

/**
 * This page must only ever run inside the lab's own sandboxed frame: an opaque origin (so the
 * lesson cannot reach the lab's storage), framed by the lab's /open/ page (so no other site can
 * feed it a lesson). Framed any other way, for example without the sandbox attribute by another
 * site, it refuses to run anything.
 */
const isolated = self.origin === 'null' && window.parent !== window;

addEventListener('message', (event: MessageEvent<ToSandbox>) => {
  if (!isolated || event.source !== parent || event.origin !== location.origin) return;
  const message = event.data;
  if (message.type === 'lesson') void start(message.text, message.file);
  else if (message.type === 'file') {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.bytes);
    else waiting?.reject(new Error(message.error));
  }
});
if (isolated) send({ type: 'ready' });
else
  document.querySelector('.sandbox-status')!.textContent =
    'This page runs lessons only inside the lab’s sandbox (open them from the lab’s “Open a lesson” page).';
