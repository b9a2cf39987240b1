/**
 * Starts the local stack the way `npm start` does (node dist/apps/stack/src/main.js up, after
 * `npm run build`), in a temp data dir with shifted ports, for the suite benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningStack {
  child: ChildProcess;
  readyAfterMs: number;
  /** The stack's own "ready in N s" figure. */
  reportedReadySeconds: number;
  url(service: string): string;
  stop(): Promise<void>;
}

export const SERVICE_PORTS: Record<string, number> = {
  'order-api': 3000,
  'order-store': 3001,
  mailer: 3002,
  shipping: 3003,
  stock: 3004,
  crm: 3005,
  'promo-counter': 3006,
};

export async function startStack(offset: number): Promise<RunningStack> {
  const root = join(__dirname, '..');
  const varDir = await mkdtemp(join(tmpdir(), 'shopstream-bench-'));
  await chmod(varDir, 0o755);
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/apps/stack/src/main.js'), 'up'], {
    cwd: root,
    env: {
      ...process.env,
      SHOPSTREAM_VAR_DIR: varDir,
      SHOPSTREAM_PORT_OFFSET: String(offset),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const reported = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /\| ready in ([\d.]+) s/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`stack exited with ${code}`)));
  });
  return {
    child,
    readyAfterMs: performance.now() - started,
    reportedReadySeconds: reported,
    url: (service) => `http://127.0.0.1:${SERVICE_PORTS[service]! + offset}`,
    async stop() {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      await rm(varDir, { recursive: true, force: true });
    },
  };
}
