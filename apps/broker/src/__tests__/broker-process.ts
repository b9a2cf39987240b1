// The broker app as a child process (`node --import tsx apps/broker/src/main.ts`, so tests do
// not depend on a build): started on a free port, its readiness line awaited (never a fixed
// sleep), stopped with a signal. Every process is killed in afterEach if still running.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/broker/src/main.ts');

export class BrokerProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly waiters = new Set<() => void>();
  private done = false;

  constructor(readonly proc: ChildProcess) {
    const collect = (stream: NodeJS.ReadableStream, into: string[]) => {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop()!;
        into.push(...parts);
        for (const w of [...this.waiters]) w();
      });
    };
    collect(proc.stdout!, this.stdout);
    collect(proc.stderr!, this.stderr);
    this.exited = new Promise((done) =>
      proc.on('close', (code, signal) => {
        this.done = true;
        for (const w of [...this.waiters]) w();
        done({ code, signal });
      }),
    );
  }

  get running(): boolean {
    return !this.done;
  }

  /** `host:port` from the readiness line, once it is printed. */
  async ready(timeoutMs = 30_000): Promise<string> {
    let found: string | undefined;
    await this.waitFor(
      () => {
        found = this.stdout.map((l) => /^sps broker ready on (\S+) /.exec(l)?.[1]).find(Boolean);
        return found !== undefined;
      },
      'the readiness line',
      timeoutMs,
    );
    return found!;
  }

  waitFor(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolveWait, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`timed out waiting for ${what}:\n${this.stderr.join('\n')}`)),
        timeoutMs,
      );
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolveWait();
      };
      const check = (): void => {
        if (predicate()) finish();
        else if (this.done)
          finish(new Error(`broker exited while waiting for ${what}:\n${this.stderr.join('\n')}`));
      };
      this.waiters.add(check);
      check();
    });
  }

  /** JSON log lines from stderr (non-JSON lines are skipped). */
  logs(): Array<Record<string, unknown>> {
    return this.stderr.flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }
}

/** Registers the afterEach kill; returns `spawnBroker(args, env)`. */
export function brokerProcesses() {
  let running: BrokerProcess[] = [];
  afterEach(async () => {
    for (const b of running) if (b.running) b.proc.kill('SIGKILL');
    await Promise.all(running.map((b) => b.exited));
    running = [];
  });
  return function spawnBroker(args: string[], env: Record<string, string> = {}): BrokerProcess {
    const b = new BrokerProcess(
      spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.base.json'), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    running.push(b);
    return b;
  };
}
