/**
 * A bare page with plain TF.js and nothing of the lab, running the benchmark's workload: the
 * baseline the lab's overhead is measured against.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWebGPU } from '../src/client/webgpu.ts';
import { measureRates } from '../src/notebook/work-probe.ts';
import { fitSource } from './fit-workload.ts';

registerWebGPU();
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;
const fit = new AsyncFunction('tf', fitSource.replace(/\nsamplesPerSecond\n?$/, '\nreturn samplesPerSecond;'));

/** `webgl-unpacked` is WebGL with TF.js's texel packing off, as the lab runs software WebGL. */
async function use(backend: string): Promise<void> {
  const [name, unpacked] = backend === 'webgl-unpacked' ? ['webgl', true] : [backend, false];
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} is not available`);
  await tf.ready();
  tf.env().set('WEBGL_PACK', !unpacked);
}
const bench = window as unknown as {
  benchFit: (backend: string) => Promise<number>;
  benchRates: (backend: string) => Promise<{ dense: number; conv: number }>;
};
bench.benchFit = async (backend) => {
  await use(backend);
  return (await fit(tf)) as number;
};
/** The lab's probe workloads (dense and convolutional fit), timed for a second each: the truth its quick probe estimates. */
bench.benchRates = async (backend) => {
  await use(backend);
  return measureRates(tf, 1000);
};
