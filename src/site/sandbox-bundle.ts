/**
 * The sandboxed runner as one classic script. A frame with an opaque origin can run a classic
 * script from this site but not a module (modules are fetched with CORS, and an opaque origin is
 * cross-origin to everything), so Astro's module chunks are of no use there: esbuild bundles
 * src/sandbox/main.ts with everything it imports into one IIFE, once per build.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

let bundle: Promise<string> | undefined;

export function sandboxBundle(): Promise<string> {
  bundle ??= build({
    // From the project root: at build time this module runs from Astro's prerender chunk, elsewhere.
    entryPoints: [resolve('src/sandbox/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}
