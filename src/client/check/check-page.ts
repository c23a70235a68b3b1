/**
 * /check/: the workshop check's page script. Probes what needs no TF.js at once (secure context,
 * WebGPU adapter, WebGL renderer, storage, service worker), then loads TF.js with the self-test,
 * lets the lab choose its backend as lessons do, trains for two seconds and shows the verdict.
 * Decisions live in verdict.ts; this file only measures and paints.
 */
import { BACKEND_NAMES, backendTitle, knownRates, webglRenderer, webgpuAdapter, type BackendName } from '../backend.ts';
import {
  BACKEND_LABELS,
  advice,
  browserFamily,
  formatCount,
  formatPercent,
  reportText,
  selfTestVerdict,
  summary,
  webgpuStateText,
  type CheckFacts,
  type Level,
  type SelfTestResult,
  type WebGPUState,
} from './verdict.ts';

const root = document.querySelector<HTMLElement>('[data-check]')!;
const base = document.body.dataset.base ?? '/';
const fact = (name: string) => root.querySelector<HTMLElement>(`[data-fact="${name}"]`)!;
const progress = root.querySelector<HTMLProgressElement>('progress')!;
const select = root.querySelector<HTMLSelectElement>('select[name="backend"]')!;
const rerun = root.querySelector<HTMLButtonElement>('[data-action="rerun"]')!;
const copy = root.querySelector<HTMLButtonElement>('[data-action="copy-report"]')!;

const facts: CheckFacts = {
  webgpu: { state: 'missing' },
  secureContext: window.isSecureContext,
  origin: location.origin,
  browser: browserFamily(navigator.userAgent),
  storage: { localStorage: false, indexedDB: false },
  offline: { serviceWorker: 'serviceWorker' in navigator, controlled: Boolean(navigator.serviceWorker?.controller) },
};
/** Every self-test result, the latest per backend. */
const results = new Map<BackendName, SelfTestResult>();

function setText(element: HTMLElement, text: string, level?: Level): void {
  element.textContent = text;
  if (level) element.dataset.level = level;
  else delete element.dataset.level;
}

function localStorageWorks(): boolean {
  try {
    const key = 'lab-check-probe';
    localStorage.setItem(key, '1');
    const ok = localStorage.getItem(key) === '1';
    localStorage.removeItem(key);
    return ok;
  } catch {
    return false;
  }
}

function indexedDBWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 3000);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    try {
      const request = indexedDB.open('lab-check-probe');
      request.onsuccess = () => {
        request.result.close();
        indexedDB.deleteDatabase('lab-check-probe');
        done(true);
      };
      request.onerror = () => done(false);
      request.onblocked = () => done(false);
    } catch {
      done(false);
    }
  });
}

async function webgpuState(): Promise<{ state: WebGPUState; adapter?: string }> {
  if (!('gpu' in navigator) || !(navigator as { gpu?: unknown }).gpu) return { state: window.isSecureContext ? 'missing' : 'insecure' };
  const adapter = await webgpuAdapter();
  if (!adapter) return { state: 'no-adapter' };
  return { state: adapter.software ? 'software' : 'hardware', adapter: adapter.label };
}

function paint(): void {
  const backend = facts.backend;
  setText(
    fact('backend'),
    backend ? BACKEND_LABELS[backend.name] : facts.backendError ? `None (${facts.backendError})` : 'Checking…',
    // The CPU is a warning only where nothing else works, not where it measured fastest.
    backend ? (backend.name === 'cpu' && !backend.why ? 'warn' : 'good') : facts.backendError ? 'bad' : undefined,
  );
  setText(fact('device'), backend?.device ?? '—');
  const note = fact('backend-note');
  const why = [backend?.why, backend?.note].filter(Boolean).join('. ');
  note.hidden = !why;
  note.textContent = why ? `Why: ${why}.` : '';
  // The probe's rates, the same the lessons choose by (backend.ts): one line per backend measured.
  const rates = knownRates();
  setText(
    fact('rates'),
    rates
      ? Object.entries(rates)
          .map(
            ([name, r]) =>
              `${backendTitle(name as BackendName, name === backend?.name ? backend.device : (facts.webgl ?? ''))}: dense ${formatCount(r!.dense)}, convolutional ${formatCount(r!.conv)} samples/s`,
          )
          .join(' · ')
      : backend
        ? 'Not measured: a backend was asked for'
        : '—',
  );
  const state = facts.webgpu.state;
  const webgpu = webgpuStateText(state);
  setText(
    fact('webgpu'),
    `${webgpu[0]!.toUpperCase()}${webgpu.slice(1)}${facts.webgpu.adapter ? `. Adapter: ${facts.webgpu.adapter}` : ''}`,
    state === 'hardware' ? 'good' : 'warn',
  );
  setText(fact('webgl'), facts.webgl ?? 'None: WebGL 2 is not available');

  setText(
    fact('secure'),
    facts.secureContext
      ? `Yes: ${facts.origin} is a secure context, so the browser may offer WebGPU and offline use.`
      : `No: ${facts.origin} is not a secure context (it is neither HTTPS nor localhost), so WebGPU and offline use are unavailable here. ` +
          'Open the HTTPS address your teacher gives you, or run the workshop copy on your own computer and open it at a http://localhost address.',
    facts.secureContext ? 'good' : 'bad',
  );

  setText(
    fact('local-storage'),
    facts.storage.localStorage ? 'Usable: edits and progress are kept' : 'Blocked: edits and progress would be lost',
    facts.storage.localStorage ? 'good' : 'warn',
  );
  setText(
    fact('indexeddb'),
    facts.storage.indexedDB ? 'Usable: saved models are kept' : 'Blocked: saved models would be lost',
    facts.storage.indexedDB ? 'good' : 'warn',
  );
  setText(
    fact('service-worker'),
    facts.offline.serviceWorker ? 'Supported' : 'Not supported here',
    facts.offline.serviceWorker ? 'good' : 'warn',
  );
  setText(
    fact('offline'),
    facts.offline.controlled ? 'Ready for offline use' : "Not yet: the lab's offline copy does not serve this page (yet)",
    facts.offline.controlled ? 'good' : undefined,
  );

  paintResults();
  const items = advice(facts);
  const list = fact('advice');
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      li.dataset.advice = item.id;
      li.dataset.level = item.level;
      li.textContent = item.text;
      return li;
    }),
  );
  fact('no-advice').hidden = items.length > 0 || !facts.selfTest;

  const top = summary(facts);
  const line = fact('summary');
  if (line.textContent !== top.text) setText(line, top.text, top.level);
  fact('report').textContent = reportText(facts, { date: new Date(), userAgent: navigator.userAgent, page: location.href });
}

function paintResults(): void {
  const body = root.querySelector<HTMLTableSectionElement>('.check-results tbody')!;
  const ordered = BACKEND_NAMES.filter((name) => results.has(name)).map((name) => results.get(name)!);
  root.querySelector<HTMLElement>('.check-results')!.hidden = ordered.length === 0;
  body.replaceChildren(
    ...ordered.map((result) => {
      const row = document.createElement('tr');
      row.dataset.backend = result.backend;
      const verdict = selfTestVerdict(result);
      const cells = [
        `${BACKEND_LABELS[result.backend]}${result.backend === facts.backend?.name ? " (the lab's choice)" : ''}`,
        formatCount(result.samplesPerSecond),
        formatPercent(result.accuracy),
        verdict.text,
      ];
      row.replaceChildren(
        ...cells.map((text, i) => {
          const cell = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.scope = 'row';
          cell.textContent = text;
          if (i === 3) cell.dataset.level = verdict.level;
          return cell;
        }),
      );
      return row;
    }),
  );
}

type SelfTestModule = typeof import('./self-test.ts');

async function selfTest(module: SelfTestModule, requested?: BackendName): Promise<void> {
  const status = fact('self-test-status');
  rerun.disabled = true;
  select.disabled = true;
  root.dataset.selfTest = 'running';
  progress.value = 0;
  try {
    const choice = await module.useBackend(requested);
    if (requested && choice.name !== requested)
      throw new Error(`${BACKEND_LABELS[requested]} is not available here (${choice.note ?? 'it did not start'})`);
    setText(status, `Training on ${BACKEND_LABELS[choice.name]} for ${module.SELF_TEST_SECONDS} seconds…`);
    const result = await module.runSelfTest(base, (fraction) => {
      progress.value = fraction;
    });
    progress.value = 1;
    results.set(result.backend, result);
    if (result.backend === facts.backend?.name) {
      facts.selfTest = result;
      delete facts.selfTestError;
    }
    facts.otherSelfTests = [...results.values()].filter((other) => other.backend !== facts.backend?.name);
    const verdict = selfTestVerdict(result);
    setText(
      status,
      `Done on ${BACKEND_LABELS[result.backend]}: ${formatCount(result.samplesPerSecond)} samples/s, accuracy ${formatPercent(result.accuracy)} ` +
        `(chance is 10%). ${verdict.text}`,
      verdict.level,
    );
    root.dataset.selfTest = 'done';
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    // Only a failure on the lab's own choice makes the machine "not ready": a re-run that asked for
    // another backend and fell back to that choice says nothing about it.
    if (!requested || requested === facts.backend?.name) facts.selfTestError = message;
    setText(status, `The self-test failed: ${message}`, 'bad');
    root.dataset.selfTest = 'error';
  } finally {
    rerun.disabled = false;
    select.disabled = false;
    paint();
  }
}

async function availableBackends(): Promise<BackendName[]> {
  const adapter = facts.webgpu.state === 'hardware' || facts.webgpu.state === 'software';
  return BACKEND_NAMES.filter(
    (name) => name === 'cpu' || (name === 'webgl' ? facts.webgl !== undefined || facts.backend?.name === 'webgl' : adapter),
  );
}

async function main(): Promise<void> {
  // The lab's service worker claims open pages once it has saved the site (src/client/offline.ts).
  navigator.serviceWorker?.addEventListener('controllerchange', () => {
    facts.offline.controlled = Boolean(navigator.serviceWorker.controller);
    paint();
  });
  facts.storage.localStorage = localStorageWorks();
  facts.webgl = webglRenderer();
  paint();
  const [db, gpu] = await Promise.all([indexedDBWorks(), webgpuState()]);
  facts.storage.indexedDB = db;
  facts.webgpu = gpu;
  paint();

  let module: SelfTestModule;
  try {
    module = await import('./self-test.ts');
    const requested = new URLSearchParams(location.search).get('backend') as BackendName | null;
    const choice = await module.useBackend(requested && BACKEND_NAMES.includes(requested) ? requested : undefined);
    facts.backend = { name: choice.name, device: choice.device, note: choice.note, why: choice.why };
  } catch (error) {
    facts.backendError = (error as Error).message ?? String(error);
    root.dataset.selfTest = 'error';
    setText(fact('self-test-status'), 'The self-test cannot run: TensorFlow.js did not start.', 'bad');
    paint();
    return;
  }
  const names = await availableBackends();
  select.replaceChildren(
    ...names.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = `${BACKEND_LABELS[name]}${name === facts.backend?.name ? " (the lab's choice)" : ''}`;
      return option;
    }),
  );
  select.value = facts.backend!.name;
  paint();
  await selfTest(module, facts.backend!.name);

  rerun.addEventListener('click', () => void selfTest(module, select.value as BackendName));
}

copy.addEventListener('click', async () => {
  const status = fact('copy-status');
  const text = fact('report').textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    setText(status, 'Copied. Paste it into a message to your teacher.', 'good');
  } catch {
    // Clipboard blocked (an insecure page, a denied permission): select the text to copy by hand.
    const range = document.createRange();
    range.selectNodeContents(fact('report'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    setText(status, 'This browser blocked copying: the report below is selected, copy it with Ctrl+C (⌘C on a Mac).', 'warn');
  }
});

void main();
