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
    const done = original.apply(this, args);
    const entry: FitEntry = { model: this, done };
    active.add(entry);
    const forget = () => active.delete(entry);
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
