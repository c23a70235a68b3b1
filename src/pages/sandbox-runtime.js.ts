/** /sandbox-runtime.js: the sandboxed runner's one classic script (see src/site/sandbox-bundle.ts). */
import { sandboxBundle } from '../site/sandbox-bundle.ts';

export async function GET(): Promise<Response> {
  return new Response(await sandboxBundle(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
