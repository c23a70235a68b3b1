/**
 * How fast this TF.js backend trains the lessons' two kinds of work: a small dense network and a
 * small convolutional one, in samples per second of `fit`. The same probe runs in the page (to pick
 * the fastest backend, backend-probe.ts) and in Node (the reference rates of lessons/timings.json),
 * so a lesson's measured time can be scaled to another device. Given `tf`, it imports nothing.
 */
type TF = typeof import('@tensorflow/tfjs');

export type WorkKind = 'dense' | 'conv';
export type WorkRates = Record<WorkKind, number>;

const BATCH = 32;
const SAMPLES = BATCH * 2;

/**
 * Few distinct ops, so a GPU backend compiles few programs before it can be timed (on a software
 * renderer each costs tens of milliseconds): a plain optimizer, a plain loss, no pooling.
 */
function modelFor(tf: TF, kind: WorkKind) {
  const layers =
    kind === 'dense'
      ? [tf.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }), tf.layers.dense({ units: 10 })]
      : [
          tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [16, 16, 1] }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 3 }),
        ];
  const model = tf.sequential({ layers });
  // 'sgd' by name: the model owns its optimizer, so dispose() frees it too.
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  return model;
}

/**
 * Samples per second of `fit` for one kind of work, after one untimed epoch (GPU backends compile
 * their programs then); timed for about `ms`, at least one epoch of two batches.
 */
export async function measureWork(tf: TF, kind: WorkKind, ms: number): Promise<number> {
  const model = modelFor(tf, kind);
  const x = kind === 'dense' ? tf.randomUniform([SAMPLES, 64]) : tf.randomUniform([SAMPLES, 16, 16, 1]);
  const y = tf.oneHot(tf.randomUniform([SAMPLES], 0, kind === 'dense' ? 10 : 3, 'int32') as never, kind === 'dense' ? 10 : 3);
  try {
    const epoch = () => model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0 });
    // One untimed epoch, the same call as the timed ones: GPU backends compile their programs then.
    await epoch();
    let samples = 0;
    const started = performance.now();
    do {
      await epoch();
      samples += SAMPLES;
    } while (performance.now() - started < ms);
    return samples / ((performance.now() - started) / 1000);
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

export async function measureRates(tf: TF, msPerKind: number): Promise<WorkRates> {
  return { dense: await measureWork(tf, 'dense', msPerKind), conv: await measureWork(tf, 'conv', msPerKind) };
}
