/** `npm run serve-model` as a real process on a free port, for the API tests. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the CLI on a free port; resolves once it prints its URL (or rejects with what it printed). */
export function startServer(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, ['src/cli/serve-model.ts', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 60 s:\n${text}`)), 60_000);
    child.stdout!.on('data', () => {
      const url = /at (http:\/\/\S+\/)/.exec(text)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => text });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(text), { code }));
    });
  });
}
