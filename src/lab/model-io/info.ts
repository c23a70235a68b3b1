/**
 * The lab's one model format: TF.js layers files (model.json + weights) whose metadata carries
 * `labModel`, a LabModelInfo: what the model takes and answers, so that a page, a server or a
 * fork can use it without the notebook that trained it.
 */
export const LAB_MODEL_FORMAT = 'lab-model/1';

export interface LabModelInfo {
  format: typeof LAB_MODEL_FORMAT;
  /** Class names, in the order of the model's outputs. */
  classes: string[];
  /** Input shape without the batch dimension, e.g. [64] or [16, 16, 1]. */
  inputShape: number[];
  /** Feature standardisation to apply before predicting, when the model was trained on it. */
  normalization?: { mean: number[]; std: number[] } | null;
  /** Pixel values the model expects for image inputs. */
  pixelRange?: [number, number];
  dataset?: string;
  seed?: number;
  backend: string;
  versions: { tfjs: string; lab: string };
  createdAt: string;
  description?: string;
}

export type LabModelDescription = Pick<LabModelInfo, 'classes'> & Partial<Omit<LabModelInfo, 'format' | 'classes'>>;

/** Checks metadata read from a file; says what is wrong and where it came from. */
export function checkInfo(value: unknown, source: string): LabModelInfo {
  const info = value as Partial<LabModelInfo> | undefined;
  if (!info || typeof info !== 'object')
    throw new Error(`${source} is a TF.js model but not a lab model: it has no lab metadata (labModel)`);
  if (info.format !== LAB_MODEL_FORMAT)
    throw new Error(`${source}: unknown lab model format "${String(info.format)}" (expected ${LAB_MODEL_FORMAT})`);
  if (!Array.isArray(info.classes) || info.classes.length === 0) throw new Error(`${source}: lab metadata has no class names`);
  if (!Array.isArray(info.inputShape) || info.inputShape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`${source}: lab metadata has no valid inputShape`);
  }
  return info as LabModelInfo;
}

export function describeShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null || d === -1 ? 'any' : d)).join(', ')}]`;
}
