/**
 * The entry of the self-contained GPU bundle (`npm run bench:gpu -- --bundle`): dawn.node sits
 * beside this file; prints the result as JSON, or the error and exit code 2.
 */
import { fileURLToPath } from 'node:url';
import { runGpuBench } from './gpu-bench.ts';

const result = await runGpuBench(fileURLToPath(new URL('./dawn.node', import.meta.url)), Number(process.env.BENCH_MS ?? 3000));
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit('error' in result ? 2 : 0);
