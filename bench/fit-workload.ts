/**
 * The training workload the benchmark times, as a cell's source and as a function for the bare
 * page, so both run exactly the same model.fit.
 */
export const FIT_SAMPLES = 2048;
export const FIT_EPOCHS = 2;

export const fitSource = `
const n = ${FIT_SAMPLES};
const features = tf.randomNormal([n, 64], 0, 1, "float32", 1);
const labels = tf.oneHot(tf.randomUniform([n], 0, 10, "int32", 2), 10);
const net = tf.sequential({ layers: [
  tf.layers.dense({ units: 64, activation: "relu", inputShape: [64] }),
  tf.layers.dense({ units: 10, activation: "softmax" }),
] });
net.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
await net.fit(features, labels, { epochs: 1, batchSize: 64, verbose: 0 }); // warm-up: shader compilation
const started = performance.now();
await net.fit(features, labels, { epochs: ${FIT_EPOCHS}, batchSize: 64, verbose: 0 });
const seconds = (performance.now() - started) / 1000;
const samplesPerSecond = Math.round((n * ${FIT_EPOCHS}) / seconds);
samplesPerSecond
`;
