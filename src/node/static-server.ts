/**
 * The built site on localhost (tests, the benchmark, `npm run serve-site`), served by the same
 * handler as the workshop kit's serve.mjs (src/shipped/workshop-serve.mjs), so the server the tests
 * drive is the one learners run. Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { handler } from '../shipped/workshop-serve.mjs';

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function serveStatic(root: string, { port = 0, base = '/' } = {}): Promise<StaticServer> {
  const server = createServer(handler(root, base));
  return new Promise((ready, fail) => {
    server.once('error', fail); // a port in use
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      ready({
        server,
        url: `http://localhost:${actual}${base}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
