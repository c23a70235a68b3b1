/**
 * Choosing the TF.js backend, always explicitly: WebGPU on a hardware adapter, else WebGL, else
 * CPU. A software WebGPU adapter (SwiftShader, what headless Chromium and GPU-less machines
 * offer) is several times slower than WebGL or CPU, so it is used only when asked for.
 */
type TF = typeof import('@tensorflow/tfjs');

export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export const BACKEND_NAMES: BackendName[] = ['webgpu', 'webgl', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** What runs it: the GPU adapter, the WebGL renderer, or "JavaScript". */
  device: string;
  /** Why the preferred backend was not used, when it was not. */
  note?: string;
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

/** Activates `requested` if it works here, else the best backend; says which and why. */
export async function chooseBackend(tf: TF, requested?: BackendName): Promise<BackendChoice> {
  if (requested) {
    const device = await describe(requested);
    if (await activate(tf, requested)) return { name: requested, device };
  }
  const notes: string[] = requested ? [`${requested} is not available here`] : [];
  const adapter = await webgpuAdapter();
  if (adapter && !adapter.software && requested !== 'webgpu' && (await activate(tf, 'webgpu'))) {
    return { name: 'webgpu', device: adapter.label, note: notes.join('; ') || undefined };
  }
  if (adapter?.software) notes.push('WebGPU runs in software here, slower than WebGL');
  else if (!adapter) notes.push('no WebGPU adapter');
  if (requested !== 'webgl' && (await activate(tf, 'webgl'))) {
    return { name: 'webgl', device: await describe('webgl'), note: notes.join('; ') || undefined };
  }
  notes.push('WebGL is not available');
  await activate(tf, 'cpu');
  return { name: 'cpu', device: await describe('cpu'), note: notes.join('; ') };
}
