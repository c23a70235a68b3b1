/**
 * Offline use (production builds only): registers the lab's service worker (`sw.js` at the base,
 * src/shipped/offline-worker.js) and tells the learner, once and quietly, when the whole site is saved
 * for offline use, and when a newer version is ready. The new version waits until the learner
 * accepts it: the page then asks the waiting worker to take over and reloads when it has.
 */
import '../styles/offline.css';

const READY_KEY = 'lab:offline-ready';
/** How long "Saved for offline use" stays on screen. */
const READY_SHOWN_MS = 8000;
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let region: HTMLElement | undefined;

/** One polite live region, in the page before anything is said in it. */
function notice(): HTMLElement {
  if (!region) {
    region = document.createElement('div');
    region.className = 'offline-notice';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

function say(kind: string, text: string, action?: { label: string; run: (button: HTMLButtonElement) => void }): void {
  const box = notice();
  const message = document.createElement('span');
  message.textContent = text;
  const parts: Node[] = [message];
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'offline-action';
    button.textContent = action.label;
    button.addEventListener('click', () => action.run(button));
    parts.push(button);
  }
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'offline-dismiss';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.textContent = '×';
  dismiss.addEventListener('click', () => {
    box.replaceChildren();
    delete box.dataset.kind;
  });
  box.dataset.kind = kind;
  box.replaceChildren(...parts, dismiss);
}

async function readyOnce(): Promise<void> {
  if (localStorage.getItem(READY_KEY)) return;
  // The worker is active only once its cache was complete; check the cache is still there.
  if (!(await caches.keys()).some((name) => name.startsWith('lab-'))) return;
  localStorage.setItem(READY_KEY, '1');
  say('ready', 'Saved for offline use');
  // News, not a question: it goes by itself, unless the learner is reading or using it.
  const box = notice();
  const leave = () => {
    if (box.dataset.kind !== 'ready') return;
    if (box.matches(':hover, :focus-within')) return void setTimeout(leave, READY_SHOWN_MS);
    box.replaceChildren();
    delete box.dataset.kind;
  };
  setTimeout(leave, READY_SHOWN_MS);
}

async function register(): Promise<void> {
  const container = navigator.serviceWorker;
  const hadController = Boolean(container.controller);
  let updating = false;
  const registration = await container.register(`${base}sw.js`, { scope: base, updateViaCache: 'none' });

  const offerUpdate = (worker: ServiceWorker) =>
    say('update', 'A new version of the lab is ready.', {
      label: 'Reload to update',
      run: (button) => {
        updating = true;
        button.disabled = true;
        button.textContent = 'Updating…';
        worker.postMessage({ type: 'SKIP_WAITING' });
        // If another tab took the update first, this worker is gone and no change will come here.
        setTimeout(() => location.reload(), 5000);
      },
    });
  container.addEventListener('controllerchange', () => {
    if (updating) location.reload();
    // Another tab accepted an update (or `astro dev` retired the worker): this page is the old code.
    else if (hadController)
      say('updated', 'This page is from an older version of the lab.', { label: 'Reload', run: () => location.reload() });
  });
  const watch = (worker: ServiceWorker) =>
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) offerUpdate(worker);
      if (worker.state === 'activated' && !hadController) void readyOnce();
    });

  if (registration.waiting && container.controller) offerUpdate(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) watch(registration.installing);
  });
  // An install that finished while the learner moved between pages.
  if (registration.active && !registration.installing && !registration.waiting) void readyOnce();
}

// Only where a worker can run (a secure context: HTTPS or localhost) and not in `astro dev`.
// (Browser tests other than the offline ones block service workers in their browser contexts, so
// they do not download the whole site behind every page.)
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.isSecureContext) {
  const start = () => void register().catch((error: Error) => console.warn(`Offline use is not available: ${error.message}`));
  // After the page's own loads, so the download never competes with the first paint.
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
