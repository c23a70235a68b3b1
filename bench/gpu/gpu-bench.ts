/**
 * The GPU benchmark behind `npm run bench:gpu`: the lab's own probe workloads (a small dense and a
 * small convolutional `model.fit`, src/notebook/work-probe.ts) on TF.js's WebGPU backend through
 * Dawn in Node (the `webgpu` package's dawn.node), against TF.js's CPU backend in the same process.
 * Samples per second of each and their ratio; a clear error where no GPU adapter exists.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { measureRates, type WorkRates } from '../../src/notebook/work-probe.ts';

export interface GpuBench {
  adapter: string;
  webgpu: WorkRates;
  cpu: WorkRates;
  /** webgpu / cpu, per kind of work: above 1, the GPU trains faster. */
  webgpuOverCpu: WorkRates;
  msPerKind: number;
}

interface Dawn {
  create(options: string[]): { requestAdapter(options?: object): Promise<{ info?: Record<string, string> } | null> };
  globals: Record<string, unknown>;
}

const round = (rates: WorkRates): WorkRates => ({ dense: Math.round(rates.dense), conv: Math.round(rates.conv) });

export async function runGpuBench(dawnPath: string, msPerKind: number): Promise<GpuBench | { error: string }> {
  let dawn: Dawn;
  try {
    dawn = createRequire(import.meta.url)(dawnPath) as Dawn;
  } catch (error) {
    return { error: `cannot load Dawn (${dawnPath}): ${(error as Error).message}` };
  }
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    return {
      error:
        'no GPU adapter: Dawn found no Vulkan device here. It needs the Vulkan loader (libvulkan.so.1) and a GPU driver that ' +
        'registers a Vulkan ICD (the NVIDIA driver does); a machine without a GPU has neither.',
    };
  }
  const info = adapter.info ?? {};
  const label = [info.vendor, info.architecture, info.description || info.device].filter(Boolean).join(' ') || 'unknown adapter';
  // TF.js's WebGPU backend looks for navigator.gpu when it is imported: set it first.
  Object.defineProperty(globalThis.navigator, 'gpu', { value: gpu, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
  tf.enableProdMode();
  if (!(await tf.setBackend('webgpu'))) return { error: `TF.js could not start its WebGPU backend on ${label}` };
  await tf.ready();
  const webgpu = await measureRates(tf, msPerKind);
  await tf.setBackend('cpu');
  await tf.ready();
  const cpu = await measureRates(tf, msPerKind);
  return {
    adapter: label,
    webgpu: round(webgpu),
    cpu: round(cpu),
    webgpuOverCpu: { dense: Number((webgpu.dense / cpu.dense).toFixed(2)), conv: Number((webgpu.conv / cpu.conv).toFixed(2)) },
    msPerKind,
  };
}
