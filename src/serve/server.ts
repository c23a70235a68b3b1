/**
 * The inference API: `POST /predict` (JSON or an image), `GET /health`, `GET /` (a page to try it).
 * Every response is JSON with CORS headers (a lesson page on another port calls it), every bad
 * request gets a 4xx naming what was wrong, and nothing a client sends can crash the process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type * as tf from '@tensorflow/tfjs';
import type { LabModelInfo } from '../lab/model-io/info.ts';
import { createBatcher, type BatchStats } from './batcher.ts';
import { BadRequest, clip, parseJsonInputs } from './inputs.ts';
import { imageToInput } from './image-input.ts';
import { createDecodeGate } from './decode-gate.ts';
import { OVERFLOW, createPredictor, type Answer } from './predictor.ts';
import { tryPage } from './try-page.ts';

export interface ServeOptions {
  /** Largest request body in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Most inputs in one JSON request (default 256). */
  maxInputs?: number;
  /** Micro-batching: most inputs per model call and how long a request waits for company. */
  maxBatch?: number;
  maxWaitMs?: number;
  /** One line per request; default console.log. Pass () => {} to silence. */
  log?: (line: string) => void;
  /** Answer only requests addressed to localhost (default true: the server listens on loopback). */
  loopbackOnly?: boolean;
  /** Images decoded at once, and waiting, before a request is told to retry (default 2 and 8). */
  decodeConcurrency?: number;
  decodeQueue?: number;
}

function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

export interface ModelServer {
  server: Server;
  stats(): BatchStats & { requests: number; errors: number };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...CORS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Reads the body, refusing (413) as soon as it passes the limit rather than buffering it. The rest
 * is read and dropped so that the client, still sending, gets the answer instead of a reset
 * connection; a client that goes on far past the limit is cut off.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const drainLimit = 8 * limit;
  const refuse = (message: string) => {
    let drained = 0;
    request.removeAllListeners('data');
    request.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > drainLimit) request.destroy();
    });
    request.resume();
    return new BadRequest(message, 413);
  };
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.reject(refuse(`the body is ${declared} bytes; this server takes at most ${limit}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(refuse(`the body is over ${limit} bytes, the most this server takes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function createModelServer(model: tf.LayersModel, info: LabModelInfo, name: string, options: ServeOptions = {}): ModelServer {
  const { maxBodyBytes = 5 * 1024 * 1024, maxInputs = 256, maxBatch = 64, maxWaitMs = 4, log = console.log, loopbackOnly = true } = options;
  const predict = createPredictor(model, info);
  const gate = createDecodeGate({ concurrent: options.decodeConcurrency ?? 2, queued: options.decodeQueue ?? 8 });
  const batcher = createBatcher<Float32Array, { prediction: Answer; modelMs: number }>(
    async (inputs) => {
      const begun = performance.now();
      const predictions = await predict(inputs);
      const modelMs = performance.now() - begun;
      return predictions.map((prediction) => ({ prediction, modelMs }));
    },
    { maxBatch, maxWaitMs },
  );
  const counts = { requests: 0, errors: 0, hangUps: 0 };
  const started = Date.now();
  const page = tryPage(name, info);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<{ status: number; batch?: number }> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS);
      response.end();
      return { status: 204 };
    }
    if (path === '/' && request.method === 'GET') {
      response.writeHead(200, { ...CORS, 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return { status: 200 };
    }
    if (path === '/health' && request.method === 'GET') {
      sendJson(response, 200, {
        status: 'ok',
        model: name,
        classes: info.classes,
        inputShape: info.inputShape,
        pixelRange: info.pixelRange ?? null,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        ...counts,
        ...batcher.stats(),
        images: gate.stats(),
      });
      return { status: 200 };
    }
    if (path === '/predict') {
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST, OPTIONS');
        throw new BadRequest(`${request.method} /predict: use POST with a JSON body or an image`, 405);
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const image = type.startsWith('image/') || type === 'application/octet-stream';
      let inputs: Float32Array[];
      if (type === 'application/json')
        inputs = parseJsonInputs((await readBody(request, maxBodyBytes)).toString('utf8'), info.inputShape, maxInputs);
      else if (image) {
        // Admitted (or refused, its body dropped) before the body is read: bodies are up to 5 MB.
        try {
          gate.enter();
        } catch (busy) {
          request.resume();
          throw busy;
        }
        try {
          const body = await readBody(request, maxBodyBytes);
          inputs = [await gate.run(() => imageToInput(body, info.inputShape, info.pixelRange))];
        } finally {
          gate.leave();
        }
      } else
        throw new BadRequest(
          `content-type "${clip(type, 60) || 'none'}" is not supported: send application/json, or an image's bytes with its image/* type`,
          415,
        );
      const answers = await Promise.all(inputs.map((input) => batcher.submit(input)));
      const overflowed = answers.findIndex((a) => a.result.prediction === OVERFLOW);
      if (overflowed >= 0) {
        throw new BadRequest(
          `the model's output for ${inputs.length > 1 ? `inputs[${overflowed}]` : 'the input'} is not a number (its values overflow inside the model): send values in the range it was trained on`,
          422,
        );
      }
      const batchSize = Math.max(...answers.map((a) => a.batchSize));
      const modelMs = Math.max(...answers.map((a) => a.result.modelMs));
      sendJson(response, 200, { predictions: answers.map((a) => a.result.prediction), batchSize, modelMs });
      return { status: 200, batch: batchSize };
    }
    throw new BadRequest(`no route ${clip(request.method ?? '', 20)} ${clip(path, 100)}: try GET /, GET /health or POST /predict`, 404);
  }

  const server = createServer((request, response) => {
    const begun = performance.now();
    counts.requests++;
    // A page on another site may call this API (CORS is open, so lessons can), but not through a
    // DNS name it controls pointing at this machine: only loopback names reach a loopback server.
    // The request line is the client's: logged clipped, as every piece of its input is.
    const line = `${clip(request.method ?? '', 20)} ${clip(request.url ?? '', 200)}`;
    const host = clip(request.headers.host ?? '', 100);
    if (loopbackOnly && !isLoopbackHost(request.headers.host)) {
      counts.errors++;
      sendJson(response, 421, { error: `this server answers requests for localhost only, not for host "${host}"` });
      log(`${line} 421: host ${host || '(none)'}`);
      return;
    }
    handle(request, response).then(
      ({ status, batch }) => log(`${line} ${status} ${(performance.now() - begun).toFixed(1)} ms${batch ? ` batch ${batch}` : ''}`),
      (error: unknown) => {
        const ms = (performance.now() - begun).toFixed(1);
        // A client that hung up mid-request is not a server error: nobody is left to answer.
        if (request.readableAborted || (error as NodeJS.ErrnoException)?.code === 'ECONNRESET') {
          counts.hangUps++;
          log(`${line} client hung up after ${ms} ms`);
          return;
        }
        counts.errors++;
        const status = error instanceof BadRequest ? error.status : 500;
        const message = error instanceof Error ? error.message : String(error);
        if (!response.headersSent) {
          if (error instanceof BadRequest) for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
          sendJson(response, status, { error: message });
        } else response.end();
        log(`${line} ${status} ${ms} ms: ${clip(message, 300)}`);
      },
    );
  });
  // A request Node cannot even parse never reaches handle(): answer it here, with Node's own code
  // where it gives one (431 for huge headers, 408 for a timeout), and never write to a closed socket.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
  });
  return { server, stats: () => ({ ...batcher.stats(), ...counts }) };
}
