// The modules whose declarations the in-page editor loads (see editor-types.ts).
export * as tf from '@tensorflow/tfjs';
export * as Plot from '@observablehq/plot';
