/**
 * /fork-kit.json: what "Download project" needs besides the lesson (templates, the lab's helpers,
 * versions, data file paths), read from the repository at build time. See src/fork/kit.ts.
 */
import { readKit } from '../fork/read-kit.ts';

export function GET(): Response {
  return new Response(JSON.stringify(readKit(process.cwd())), { headers: { 'content-type': 'application/json' } });
}
