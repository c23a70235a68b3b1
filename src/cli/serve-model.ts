/**
 * `npm run serve-model -- <model folder or model.json> [--port N] [--host H]`: serves a model in
 * the lab's format over HTTP (TF.js on the CPU in Node). See src/serve/server.ts for the API.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel } from '../lab/model-io/save-load.ts';
import { folderHandler } from '../node/folder-handler.ts';
import { createModelServer } from '../serve/server.ts';
import { failWith, portOf, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'serve-model',
  usage: 'usage: npm run serve-model -- <model folder or model.json> [--port N] [--host H]',
  about: "Serves a model in the lab's format over HTTP (TF.js on the CPU): POST /predict, GET /health, GET / to try it.",
  options: {
    port: { type: 'string', help: 'the port (default 8008; 0 picks a free one)' },
    host: { type: 'string', help: 'the address to listen on (default 127.0.0.1, this computer only)' },
  },
  positionals: { max: 1 },
} as const;
function fail(message: string): never {
  return failWith(COMMAND, message);
}

const { values, positionals } = readCommand(COMMAND);
const target = positionals[0];
const port = portOf(COMMAND, values.port, 8008);
const host = values.host ?? '127.0.0.1';
if (!target) fail('no model given');
const path = resolve(target);
if (!existsSync(path)) fail(`${target} does not exist`);
const isFile = statSync(path).isFile();
if (isFile && !path.endsWith('.json')) fail(`${target} is a file but not a model.json`);

tf.enableProdMode();
await tf.setBackend('cpu');
await tf.ready();
let loaded: Awaited<ReturnType<typeof loadModel>>;
try {
  loaded = await loadModel(folderHandler(isFile ? dirname(path) : path, isFile ? basename(path) : undefined));
} catch (error) {
  fail((error as Error).message);
}
const name = basename(isFile ? path.replace(/\.json$/, '') : path);
// Bound to loopback (the default), it answers only requests addressed to localhost; bound to
// another address (--host 0.0.0.0, to serve a room), any host name.
const { server, stats } = createModelServer(loaded.model, loaded.info, name, { loopbackOnly: /^(127\.|localhost$|::1$)/.test(host) });
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(
    `serving ${name} (${loaded.info.classes.join(', ')}; input [${loaded.info.inputShape.join(', ')}]) at http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`,
  );
  console.log('POST /predict (JSON or an image), GET /health, GET / to try it. Ctrl+C stops.');
});
server.on('error', (error) => fail(error.message));
process.on('SIGINT', () => {
  const { requests, errors, batches } = stats();
  console.log(`\nstopped after ${requests} requests (${errors} refused), ${batches} model calls`);
  process.exit(0);
});
