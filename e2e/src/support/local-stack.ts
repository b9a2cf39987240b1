/**
 * The local stack exactly as `npm start` runs it (node dist/apps/stack/src/main.js up), in a
 * temp data directory and with every port shifted (SHOPSTREAM_PORT_OFFSET), so it never meets
 * a developer's own stack. Its output goes to a log file, printed when it fails to start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MailCatcherClient } from '@shopstream/local-infra';
import { connect } from '@shopstream/sps-client';
import { type ShopStack } from './shop-stack';

const ROOT = join(__dirname, '../../..');
const SERVICE_PORTS: Record<string, number> = {
  'order-api': 3000,
  'order-store': 3001,
  mailer: 3002,
  shipping: 3003,
  stock: 3004,
  crm: 3005,
  'promo-counter': 3006,
};

export async function startLocalStack(offset = 20_000): Promise<ShopStack> {
  const varDir = await mkdtemp(join(tmpdir(), 'shopstream-e2e-'));
  // PostgreSQL runs as its own OS user when we are root: it must be able to enter the dir.
  await chmod(varDir, 0o755);
  const logFile = join(varDir, 'stack.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/stack/src/main.js'), 'up'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SHOPSTREAM_VAR_DIR: varDir,
      SHOPSTREAM_PORT_OFFSET: String(offset),
      LOG_FORMAT: 'json',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  try {
    await waitForLine(child, /\| ready in /, 240_000);
  } catch (error) {
    child.kill('SIGINT');
    await exited(child, 60_000);
    throw new Error(
      `the local stack did not start: ${(error as Error).message}\n${await tail(logFile)}`,
    );
  }
  const host = '127.0.0.1';
  const control = `http://${host}:${8079 + offset}`;
  const sps = await connect({
    driver: 'kafka',
    brokers: [`${host}:${9092 + offset}`],
    clientId: 'e2e',
  });
  const request = async (path: string): Promise<void> => {
    const res = await fetch(`${control}${path}`, { method: 'POST' });
    if (!res.ok) throw new Error(`stack control ${path}: HTTP ${res.status} ${await res.text()}`);
  };
  return {
    kind: 'local stack',
    url: (service) => `http://${host}:${SERVICE_PORTS[service]! + offset}`,
    inbox: new MailCatcherClient(`http://${host}:${1080 + offset}`),
    sps,
    stopService: (name) => request(`/services/${name}/stop`),
    startService: (name) => request(`/services/${name}/start`),
    async close() {
      await sps.close();
      child.kill('SIGINT');
      const clean = await exited(child, 90_000);
      log.end();
      if (!clean) child.kill('SIGKILL');
      await rm(varDir, { recursive: true, force: true }).catch(() => undefined);
      if (!clean) throw new Error('the local stack did not stop within 90 s after SIGINT');
    },
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${pattern.source}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (pattern.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with code ${code}`));
    });
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function tail(file: string, lines = 80): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}
