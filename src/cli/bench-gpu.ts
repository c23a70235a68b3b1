/**
 * `npm run bench:gpu`: the lab's dense and convolutional probe workloads on TF.js's WebGPU backend
 * through Dawn in Node, against the CPU backend (bench/gpu/gpu-bench.ts). Dawn (the `webgpu`
 * package, ~133 MB) is installed into bench/gpu/ on first use, never as a project dependency.
 * `--bundle` instead writes bench-results/gpu-bundle.tar.gz for a GPU machine without Node: a
 * Node binary, dawn.node, the bench bundled with esbuild and the Vulkan loader (this machine's, or
 * Debian's libvulkan1 unpacked), run with `./run.sh` once unpacked.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { failWith, readCommand } from '../node/command.ts';

const COMMAND = {
  name: 'bench:gpu',
  usage: 'usage: npm run bench:gpu [-- --ms N | --bundle]',
  about:
    "Times the lab's dense and convolutional fit on TF.js's WebGPU backend (Dawn in Node) and on the CPU backend; prints samples/s and their ratio, and writes bench-results/gpu.json. Installs Dawn into bench/gpu/ on first use.",
  options: {
    ms: { type: 'string', help: 'milliseconds of each kind of work per backend (default 3000)' },
    bundle: { type: 'boolean', help: 'write bench-results/gpu-bundle.tar.gz to run on a GPU machine without Node' },
  },
  positionals: { max: 0 },
} as const;

const { values } = readCommand(COMMAND);
const ms = Number(values.ms ?? 3000);
if (!(ms > 0)) failWith(COMMAND, `--ms must be a positive number of milliseconds, not ${values.ms}`);

/**
 * The Vulkan loader from Debian's libvulkan1 package (apt-get download, unpacked here, nothing
 * installed): a GPU machine's driver brings the Vulkan ICD, not always the loader Dawn opens.
 */
function debianVulkanLoader(): string | undefined {
  const scratch = mkdtempSync(join(tmpdir(), 'lab-vulkan-'));
  try {
    execFileSync('apt-get', ['download', 'libvulkan1'], { cwd: scratch, stdio: 'pipe' });
    const deb = readdirSync(scratch).find((name) => name.endsWith('.deb'))!;
    execFileSync('dpkg-deb', ['-x', deb, 'x'], { cwd: scratch, stdio: 'pipe' });
    const loader = join(scratch, 'x/usr/lib/x86_64-linux-gnu/libvulkan.so.1');
    return existsSync(loader) ? loader : undefined;
  } catch {
    return undefined;
  }
}

const DAWN = resolve('bench/gpu/node_modules/webgpu/dist', `${process.platform}-${process.arch}`, 'dawn.node');
if (!existsSync(DAWN)) {
  process.stderr.write('installing Dawn (the webgpu package, ~133 MB) into bench/gpu/ …\n');
  execFileSync('npm', ['install', '--prefix', 'bench/gpu', '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' });
  if (!existsSync(DAWN)) failWith(COMMAND, `the webgpu package has no build for ${process.platform}-${process.arch} (${DAWN})`);
}
mkdirSync('bench-results', { recursive: true });

if (values.bundle) {
  const dir = 'bench-results/gpu-bundle';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: ['bench/gpu/bundle-main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'gpu-bench.mjs'),
    // TF.js's CommonJS parts call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __labRequire } from 'node:module'; const require = __labRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  copyFileSync(DAWN, join(dir, 'dawn.node'));
  copyFileSync(process.execPath, join(dir, 'node'));
  const loader = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1'].find(existsSync) ?? debianVulkanLoader();
  if (loader) copyFileSync(loader, join(dir, 'libvulkan.so.1'));
  else process.stderr.write('no Vulkan loader (libvulkan.so.1) to bundle: the GPU machine must have its own\n');
  writeFileSync(
    join(dir, 'run.sh'),
    '#!/bin/sh\n# Unpacked anywhere: the GPU bench with its own Node; the Vulkan loader beside it when one was bundled.\ncd "$(dirname "$0")" && LD_LIBRARY_PATH=".:$LD_LIBRARY_PATH" exec ./node gpu-bench.mjs\n',
    { mode: 0o755 },
  );
  execFileSync('tar', ['czf', 'bench-results/gpu-bundle.tar.gz', '-C', dir, '.']);
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    'wrote bench-results/gpu-bundle.tar.gz; on the GPU machine: mkdir -p /tmp/g && tar xzf gpu-bundle.tar.gz -C /tmp/g && /tmp/g/run.sh\n',
  );
} else {
  const { runGpuBench } = await import('../../bench/gpu/gpu-bench.ts');
  const result = await runGpuBench(DAWN, ms);
  writeFileSync('bench-results/gpu.json', `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if ('error' in result) process.exitCode = 2;
}
