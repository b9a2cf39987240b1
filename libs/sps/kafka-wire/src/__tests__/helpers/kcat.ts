// kcat as a child process: run-to-exit calls (-L, -P, -C -e) and long-running ones (-G
// consumers) whose stdout/stderr lines tests wait on — no fixed sleeps. Every process started
// is killed in afterEach if it is still running.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

export function hasKcat(): boolean {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class KcatProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number>;
  private readonly waiters = new Set<() => void>();
  private done = false;

  constructor(readonly proc: ChildProcess) {
    const lines = (stream: NodeJS.ReadableStream, into: string[]) => {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop()!;
        into.push(...parts);
        this.wake();
      });
      // `-L -J` ends its JSON without a newline.
      stream.on('end', () => {
        if (partial !== '') into.push(partial);
        partial = '';
      });
    };
    lines(proc.stdout!, this.stdout);
    lines(proc.stderr!, this.stderr);
    this.exited = new Promise((resolve) =>
      proc.on('close', (code, signal) => {
        this.done = true;
        this.wake();
        resolve(code ?? (signal === null ? -1 : 128));
      }),
    );
  }

  get running(): boolean {
    return !this.done;
  }

  /** Resolves once `predicate()` holds; rejects when kcat exits first or after `timeoutMs`. */
  waitFor(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          finish(
            new Error(
              `timed out waiting for ${what}; stderr:\n${this.stderr.slice(-20).join('\n')}`,
            ),
          ),
        timeoutMs,
      );
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (predicate()) finish();
        else if (this.done)
          finish(new Error(`kcat exited while waiting for ${what}: ${this.stderr.join('\n')}`));
      };
      this.waiters.add(check);
      check();
    });
  }

  /** SIGTERM: kcat closes its consumer cleanly (commits, leaves the group) and exits. */
  async stop(): Promise<number> {
    if (this.running) this.proc.kill('SIGTERM');
    return this.exited;
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** Registers the afterEach kill of stragglers; returns the starter. */
export function kcatRunner() {
  let running: KcatProcess[] = [];
  afterEach(async () => {
    for (const k of running) if (k.running) k.proc.kill('SIGKILL');
    await Promise.all(running.map((k) => k.exited));
    running = [];
  });

  /** Starts kcat with `args`; `input` (if given) is written to stdin, which is then closed. */
  function start(args: string[], input?: string): KcatProcess {
    const k = new KcatProcess(spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] }));
    running.push(k);
    if (input !== undefined) k.proc.stdin!.end(input);
    else k.proc.stdin!.end();
    return k;
  }

  /** Runs kcat to its exit; fails with its stderr when the exit code is not 0. */
  async function run(args: string[], input?: string, timeoutMs = 30_000): Promise<string[]> {
    const k = start(args, input);
    const timer = setTimeout(() => k.proc.kill('SIGKILL'), timeoutMs);
    const code = await k.exited;
    clearTimeout(timer);
    if (code !== 0)
      throw new Error(`kcat ${args.join(' ')} exited ${code}:\n${k.stderr.join('\n')}`);
    return k.stdout.filter((l) => l !== '');
  }

  return { start, run };
}
