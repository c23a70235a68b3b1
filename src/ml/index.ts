/**
 * The "lab" module cells import (`import { ... } from "lab"`): the lab's teaching helpers.
 * Helpers live in files of their own and are re-exported here.
 */
export { sleep } from './sleep.ts';
export { mulberry32, shuffled } from './random.ts';
export { train, type TrainOptions } from './train.ts';
