/**
 * Turns a JSON request body into model inputs, checking each against the model's input shape.
 * Errors say what was wrong and where (`inputs[2][15][3]`), so a client can fix its request.
 */
import { describeShape } from '../lab/model-io/info.ts';

/** A request the client must fix (4xx), or must retry later (503): its status, a message, any headers. */
export class BadRequest extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(message: string, status = 400, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** At most `max` characters of text a client sent, for messages and log lines. */
export function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** What a value is, never the value itself: a 3 MB string must not come back as a 3 MB error. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Flattens one nested array of numbers, checking it has exactly `shape`. */
function flatten(value: unknown, shape: readonly number[], where: string, out: number[]): void {
  if (shape.length === 0) {
    if (typeof value !== 'number') throw new BadRequest(`${where} is ${kindOf(value)}, not a number`);
    // The model computes in float32: 1e39 is finite in JSON but infinite there.
    if (!Number.isFinite(Math.fround(value)))
      throw new BadRequest(`${where} is too large for the model's float32 numbers (their magnitude must stay under 3.4e38)`);
    out.push(value);
    return;
  }
  if (!Array.isArray(value))
    throw new BadRequest(
      `${where} is ${kindOf(value)}; it should be an array of ${shape[0]} (the model takes ${describeShape(shape)} here)`,
    );
  if (value.length !== shape[0])
    throw new BadRequest(`${where} has ${value.length} entries; the model takes ${shape[0]} there (shape ${describeShape(shape)})`);
  value.forEach((entry, i) => flatten(entry, shape.slice(1), `${where}[${i}]`, out));
}

/** One input in the model's shape, either nested or already flat (as many numbers as the shape holds). */
function oneInput(value: unknown, shape: readonly number[], where: string): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const out: number[] = [];
  if (Array.isArray(value) && shape.length > 1 && value.length === size && value.every((v) => !Array.isArray(v))) {
    flatten(value, [size], where, out);
  } else {
    flatten(value, shape, where, out);
  }
  return Float32Array.from(out);
}

/**
 * `{"input": X}` for one input, `{"inputs": [X, ...]}` for several; X nested in the model's input
 * shape or flat.
 */
export function parseJsonInputs(text: string, shape: readonly number[], maxInputs: number): Float32Array[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes a piece of the body in its message: keep it short.
    throw new BadRequest(`the body is not valid JSON: ${clip((error as Error).message, 160)}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequest('send a JSON object: {"input": ...} for one input or {"inputs": [...]} for several');
  }
  const { input, inputs } = body as { input?: unknown; inputs?: unknown };
  if (input !== undefined && inputs !== undefined) throw new BadRequest('send either "input" or "inputs", not both');
  if (input !== undefined) return [oneInput(input, shape, 'input')];
  if (inputs === undefined) throw new BadRequest('the JSON object has no "input" or "inputs" field');
  if (!Array.isArray(inputs) || inputs.length === 0) throw new BadRequest('"inputs" should be a non-empty array of inputs');
  if (inputs.length > maxInputs)
    throw new BadRequest(`"inputs" has ${inputs.length} inputs; this server takes at most ${maxInputs} per request`, 413);
  return inputs.map((value, i) => oneInput(value, shape, `inputs[${i}]`));
}
