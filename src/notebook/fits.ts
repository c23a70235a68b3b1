/**
 * Keeps track of `model.fit` / `model.fitDataset` calls, so Stop can set `model.stopTraining`
 * (training then ends at the end of its current batch) and wait until they have really ended,
 * and so a stopped cell cannot start a new fit.
 */
interface FitEntry {
  model: { stopTraining: boolean };
  done: Promise<unknown>;
}

const active = new Set<FitEntry>();
/** Milliseconds spent in fits of convolutional models: what part of a cell's time is conv work. */
let convFitMs = 0;
let fitsBeingTimed = 0;
export const convolutionalFitMs = () => convFitMs;

const isConvolutional = (model: unknown) =>
  ((model as { layers?: { getClassName?(): string }[] }).layers ?? []).some((layer) => /^Conv/.test(layer.getClassName?.() ?? ''));
const gates = new Set<() => void>();
const patched = new WeakSet<object>();

/** Adds a check run before every fit starts; it throws to refuse the fit. */
export function addFitGate(gate: () => void): () => void {
  gates.add(gate);
  return () => gates.delete(gate);
}

type FitFn = (this: { stopTraining: boolean }, ...args: unknown[]) => Promise<unknown>;

function patch(proto: Record<string, unknown>, method: 'fit' | 'fitDataset') {
  if (!Object.hasOwn(proto, method)) return;
  const original = proto[method] as FitFn;
  proto[method] = function (this: { stopTraining: boolean }, ...args: unknown[]) {
    for (const gate of gates) gate();
    stoppedByStop.delete(this);
    // Sequential.fit calls an inner model's fit, both patched: time only the outermost call.
    const conv = fitsBeingTimed === 0 && isConvolutional(this);
    const started = performance.now();
    fitsBeingTimed++;
    let done: Promise<unknown>;
    try {
      done = original.apply(this, args);
    } catch (error) {
      fitsBeingTimed--;
      throw error;
    }
    const entry: FitEntry = { model: this, done };
    active.add(entry);
    const forget = () => {
      active.delete(entry);
      fitsBeingTimed--;
      if (conv) convFitMs += performance.now() - started;
    };
    done.then(forget, forget);
    return done;
  };
}

export function trackFits(tf: { LayersModel: { prototype: object }; Sequential: { prototype: object } }): void {
  for (const proto of [tf.LayersModel.prototype, tf.Sequential.prototype] as Record<string, unknown>[]) {
    if (patched.has(proto)) continue;
    patched.add(proto);
    patch(proto, 'fit');
    patch(proto, 'fitDataset');
  }
}

export const activeFitCount = () => active.size;

const stoppedByStop = new WeakSet<object>();
/** Whether the model's last fit was ended by Stop (not by its own callbacks, as early stopping does). */
export const fitStoppedByStop = (model: object) => stoppedByStop.has(model);

/** Asks every running fit to stop and resolves when all have ended (or after `timeoutMs`). */
export async function stopFits(timeoutMs: number): Promise<boolean> {
  const entries = [...active];
  for (const entry of entries) {
    entry.model.stopTraining = true;
    stoppedByStop.add(entry.model);
  }
  if (entries.length === 0) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ended = Promise.allSettled(entries.map((entry) => entry.done)).then(() => true);
  const result = await Promise.race([ended, timeout]);
  clearTimeout(timer);
  return result;
}
