// The site is static: every lesson page is built from its Markdown file at build time.
// BASE_PATH lets the built site live under a sub-path (a workshop host, GitHub Pages).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { monacoCssAsScript } from './src/site/monaco-css-plugin.mjs';
import { offlineServiceWorker } from './src/site/offline-integration.ts';

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // sw.js, written after the build: the whole site precached for offline use (docs/architecture.md).
  integrations: [offlineServiceWorker()],
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    plugins: [monacoCssAsScript()],
    resolve: {
      // Monaco's package exports map only `.js` files; its CSS and the pieces src/client/monaco.ts
      // picks are imported from the ESM tree directly.
      alias: { 'monaco-esm': fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url)) },
    },
    worker: { format: 'es' },
    // In dev, Vite pre-bundles dependencies it finds at start-up; ones first met when a learner
    // opens an editor or runs a cell would make it reload the page. Scan those modules up front.
    // Monaco is plain ESM and its workers are found only then: serve it unbundled.
    optimizeDeps: {
      entries: ['src/client/page.ts', 'src/client/session.ts', 'src/client/editor.ts'],
      exclude: ['monaco-editor'],
    },
  },
});
