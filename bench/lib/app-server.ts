/**
 * Browser mode as a user starts it: the bundled CLI (`serve`) in its own process on a given
 * database, on 127.0.0.1 with a free port. Resolves when it prints its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { APP_ROOT } from './paths';

export interface AppServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

export function startApp(cli: string, rendererDir: string, dbPath: string, env: Record<string, string> = {}): Promise<AppServer> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', dbPath], {
    cwd: APP_ROOT,
    env: { ...process.env, WORKBENCH_RENDERER_DIR: rendererDir, WORKBENCH_CHECK_OUTPUT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`browser mode did not start in 30 s:\n${output}`));
    }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/running at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child, stop });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before starting:\n${output}`));
    });
  });
}
