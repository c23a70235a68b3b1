/**
 * A bare page with plain TF.js and nothing of the lab, running the benchmark's workload: the
 * baseline the lab's overhead is measured against.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWebGPU } from '../src/client/webgpu.ts';
import { fitSource } from './fit-workload.ts';

registerWebGPU();
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;
const fit = new AsyncFunction('tf', fitSource.replace(/\nsamplesPerSecond\n?$/, '\nreturn samplesPerSecond;'));

(window as unknown as { benchFit: (backend: string) => Promise<number> }).benchFit = async (backend: string) => {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} is not available`);
  await tf.ready();
  return (await fit(tf)) as number;
};
