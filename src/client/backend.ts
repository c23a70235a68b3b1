/**
 * Choosing the TF.js backend, always explicitly. Asked for one (the learner's choice, `?backend=`,
 * the lesson's), the lab uses it if it works here. Otherwise it measures: a short probe of dense
 * and convolutional training (work-probe.ts) on each candidate, hardware WebGPU, WebGL and CPU,
 * kept per device (backend-rates.ts), and the backend that would run this lesson's work soonest
 * wins. A software WebGPU adapter (SwiftShader, what headless Chromium and GPU-less machines
 * offer) is several times slower than WebGL or CPU, so it is not a candidate, only a choice.
 */
import { measureRates, type WorkRates } from '../notebook/work-probe.ts';
import { EVEN_WORK, rankBackends, storedRates, storeRates, type LessonWork, type RatesByBackend } from './backend-rates.ts';

type TF = typeof import('@tensorflow/tfjs');

export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export const BACKEND_NAMES: BackendName[] = ['webgpu', 'webgl', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** What runs it: the GPU adapter, the WebGL renderer, or "JavaScript". */
  device: string;
  /** Why the preferred backend was not used, when it was not. */
  note?: string;
  /** Why this one, when it was chosen by measuring ("CPU: 3.6× faster than software WebGL here…"). */
  why?: string;
  /** This backend's measured rates on this device, when known: for time budgets. */
  rates?: WorkRates;
}

/** Milliseconds of each kind of work per backend in the probe (warm-ups come on top). */
const PROBE_MS = 100;
export const BACKEND_TITLES: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' };

/** "WebGL", "WebGL (software)", "CPU": a backend as the toolbar and its notes name it. */
export function backendTitle(name: BackendName, device: string): string {
  return name !== 'cpu' && isSoftwareRenderer(device) ? `${BACKEND_TITLES[name]} (software)` : BACKEND_TITLES[name];
}

/** The browser and its GPU: measured rates hold until either changes (the probe checks both). */
const deviceKey = () => `${navigator.userAgent}|${webglRenderer() ?? 'no WebGL'}`;
const isThisDevice = (device: string) => device === deviceKey();

/**
 * This browser's measured rates, for time budgets on the index and before TF.js loads. Matched by
 * the browser alone: asking the GPU means creating a WebGL context, which page load should not do;
 * a changed GPU is found at the next Run, which measures again.
 */
export const knownRates = (): RatesByBackend | undefined => storedRates((device) => device.startsWith(`${navigator.userAgent}|`));

/** The backend the learner asked for: `?backend=` in the address, else the one chosen in the More menu. */
export function askedBackend(): BackendName | undefined {
  const asked = new URLSearchParams(location.search).get('backend') ?? localStorage.getItem('lab:backend');
  return BACKEND_NAMES.find((name) => name === asked);
}

interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfo; isFallbackAdapter?: boolean } | null>;
}

let adapterProbe: Promise<{ label: string; software: boolean } | undefined> | undefined;

/** Asked once: requesting adapters again after TF.js made its device can break that device. */
export function webgpuAdapter(): Promise<{ label: string; software: boolean } | undefined> {
  adapterProbe ??= probeAdapter();
  return adapterProbe;
}

async function probeAdapter(): Promise<{ label: string; software: boolean } | undefined> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return undefined;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return undefined;
    const info = adapter.info ?? {};
    const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || info.architecture === 'swiftshader';
    const label = [info.vendor, info.architecture, info.description || info.device].filter(Boolean).join(' ') || 'unknown adapter';
    return { label: software ? `${label} (software)` : label, software };
  } catch {
    return undefined;
  }
}

/** Renderers that draw on the CPU: SwiftShader (headless Chromium, GPU-less machines), Mesa's llvmpipe, Windows' WARP. */
export const isSoftwareRenderer = (renderer: string) => /swiftshader|llvmpipe|softpipe|basic render|software/i.test(renderer);

export function webglRenderer(): string | undefined {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return undefined;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return String(renderer);
}

let registeredWebGPU = false;

async function activate(tf: TF, name: BackendName): Promise<boolean> {
  if (name === 'webgpu' && !registeredWebGPU) {
    (await import('./webgpu.ts')).registerWebGPU();
    registeredWebGPU = true;
  }
  try {
    if (!((await tf.setBackend(name)) && tf.getBackend() === name)) return false;
  } catch {
    return false;
  }
  // TF.js packs four values per texel for hardware GPUs. A software renderer runs every texel
  // through the CPU anyway, and the packing's extra programs cost more than they save: training
  // steps on SwiftShader took 0.7× the time unpacked (`npm run bench` times both; docs/architecture.md).
  if (name === 'webgl' && isSoftwareRenderer(webglRenderer() ?? '')) tf.env().set('WEBGL_PACK', false);
  return true;
}

async function describe(name: BackendName): Promise<string> {
  if (name === 'webgpu') return (await webgpuAdapter())?.label ?? 'WebGPU';
  if (name === 'webgl') return webglRenderer() ?? 'WebGL';
  return 'JavaScript on the CPU';
}

/** Measures each backend that works here, or reads what was measured before on this device. */
async function measuredRates(tf: TF, candidates: BackendName[]): Promise<RatesByBackend> {
  const known = storedRates(isThisDevice);
  if (known) return known;
  const rates: RatesByBackend = {};
  for (const name of candidates) {
    if (!(await activate(tf, name))) continue;
    await tf.ready();
    rates[name] = await measureRates(tf, PROBE_MS);
  }
  storeRates(deviceKey(), rates);
  return rates;
}

/**
 * Activates `requested` if it works here, else the backend measured to run `work` soonest; says
 * which and why.
 */
export async function chooseBackend(tf: TF, requested?: BackendName, work: LessonWork = EVEN_WORK): Promise<BackendChoice> {
  if (requested) {
    const device = await describe(requested);
    if (await activate(tf, requested)) return { name: requested, device, rates: storedRates(isThisDevice)?.[requested] };
  }
  const notes: string[] = requested ? [`${requested} is not available here`] : [];
  const adapter = await webgpuAdapter();
  if (adapter?.software) notes.push('WebGPU runs in software here, slower than WebGL');
  else if (!adapter) notes.push('no WebGPU adapter');
  const candidates: BackendName[] = [...(adapter && !adapter.software ? (['webgpu'] as const) : []), 'webgl', 'cpu'];
  const rates = await measuredRates(
    tf,
    candidates.filter((name) => name !== requested),
  );
  const ranked = rankBackends(rates, work).filter(({ name }) => candidates.includes(name) && name !== requested);
  for (const [place, { name }] of ranked.entries()) {
    if (!(await activate(tf, name))) continue;
    const device = await describe(name);
    const next = ranked[place + 1];
    const why = next
      ? `${backendTitle(name, device)}: ${(next.ms / ranked[place]!.ms).toFixed(1)}× faster than ${backendTitle(next.name, next.name === 'cpu' ? '' : await describe(next.name))} here for this lesson's work (measured)`
      : undefined;
    return { name, device, note: notes.join('; ') || undefined, why, rates: rates[name] };
  }
  notes.push('no backend could be measured');
  await activate(tf, 'cpu');
  return { name: 'cpu', device: await describe('cpu'), note: notes.join('; ') };
}
