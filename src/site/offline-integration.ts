/**
 * An Astro integration that writes the service worker (`sw.js`, at the site's base) once the build
 * has written every other file, so its manifest lists the whole build. See offline-manifest.ts.
 * In `astro dev` it serves a worker that removes itself: `astro preview` runs on the same port, and
 * a worker it left behind would otherwise keep answering dev pages with the old build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { WORKER_FILE, writeServiceWorker } from './offline-manifest.ts';

const REMOVE_SELF = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith('lab-')) await caches.delete(name);
  await self.registration.unregister();
})()));
`;

export function offlineServiceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'lab:offline-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          // Astro strips the base from `url` before this runs; `originalUrl` keeps it.
          const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
          if (path !== `${base}${WORKER_FILE}`) return next();
          response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
          response.end(REMOVE_SELF);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const manifest = writeServiceWorker(fileURLToPath(dir), base);
        const megabytes = (manifest.totalBytes / 1e6).toFixed(1);
        logger.info(`${WORKER_FILE}: ${manifest.files.length} files, ${megabytes} MB precached as lab-${manifest.version}`);
      },
    },
  };
}
