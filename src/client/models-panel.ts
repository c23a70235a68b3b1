/**
 * The Models panel: the models saved in this browser (IndexedDB), each downloadable as files and
 * deletable, and an upload that checks files are a lab model before keeping them.
 */
import type { Session } from './session.ts';

const fileName = (name: string) => name.replace(/^lab:\/\//, '').replace(/[^\w.-]+/g, '-');
const storeUrl = (name: string) => (name.startsWith('lab://') ? `indexeddb://lab/${name.slice('lab://'.length)}` : `indexeddb://${name}`);

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function modelsPanel(dialog: HTMLDialogElement, session: Session) {
  const list = dialog.querySelector<HTMLElement>('.models-list')!;
  const message = dialog.querySelector<HTMLElement>('.models-message')!;
  const upload = dialog.querySelector<HTMLInputElement>('input[name="model-files"]')!;
  const say = (text: string, alert = false) => {
    message.textContent = text;
    message.setAttribute('role', alert ? 'alert' : 'status');
  };

  async function refresh(): Promise<void> {
    const models = await session.lab.listModels();
    if (models.length === 0) {
      list.innerHTML = '<p>No models saved in this browser yet.</p>';
      return;
    }
    const table = document.createElement('table');
    table.innerHTML =
      '<caption class="visually-hidden">Saved models</caption><tr><th scope="col">name</th><th scope="col">saved</th><th scope="col">size</th><th scope="col"><span class="visually-hidden">actions</span></th></tr>';
    for (const model of models) {
      const row = table.insertRow();
      row.dataset.model = model.name;
      row.insertCell().textContent = model.name;
      row.insertCell().textContent = new Date(model.savedAt).toLocaleString();
      row.insertCell().textContent = formatSize(model.bytes);
      const actions = row.insertCell();
      for (const [action, label] of [
        ['download', 'Download'],
        ['delete', 'Delete'],
      ] as const) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.modelAction = action;
        button.textContent = label;
        button.setAttribute('aria-label', `${label} ${model.name}`);
        actions.append(button);
      }
    }
    list.replaceChildren(table);
  }

  list.addEventListener('click', async (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-model-action]');
    const name = button?.closest<HTMLElement>('[data-model]')?.dataset.model;
    if (!button || !name) return;
    try {
      if (button.dataset.modelAction === 'download') {
        const model = await session.tf.loadLayersModel(storeUrl(name));
        await model.save(`downloads://${fileName(name)}`);
        model.dispose();
        say(`Downloaded ${fileName(name)}.json and ${fileName(name)}.weights.bin.`);
      } else {
        if (!confirm(`Delete the model ${name} from this browser? Cells that load it will fail until it is saved again.`)) return;
        await session.lab.deleteModel(name);
        say(`Deleted ${name}.`);
        await refresh();
      }
    } catch (error) {
      say(`${name}: ${(error as Error).message}`, true);
    }
  });

  upload.addEventListener('change', async () => {
    const files = [...(upload.files ?? [])];
    upload.value = '';
    try {
      const handler = session.lab.modelFromFiles(files);
      const { model, info } = await session.lab.loadModel(handler);
      const json = files.find((file) => file.name.endsWith('.json'))!;
      const name = `lab://${fileName(json.name.replace(/\.json$/, ''))}`;
      await session.lab.saveModel(model, name, info);
      model.dispose();
      say(`Saved ${name}: ${info.classes.join(', ')}, input [${info.inputShape.join(', ')}].`);
      await refresh();
    } catch (error) {
      say(`Not saved: ${(error as Error).message}`, true);
    }
  });

  return {
    async open(): Promise<void> {
      say('');
      dialog.showModal();
      list.textContent = 'Loading…';
      await refresh();
    },
  };
}
