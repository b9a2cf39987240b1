// One long-running child process of the local stack (the broker, a service): started with its
// environment, every output line prefixed with its name, ready when its health URL answers 200
// (or a stdout line matches), stopped with SIGTERM and, after a grace period, SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '../support/child-process';
import { waitUntil } from '../support/wait-until';

export type ProcessState = 'stopped' | 'starting' | 'running' | 'stopping' | 'exited';

export interface ManagedProcessSpec {
  /** Shown before every line it prints, and in the control API. */
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Ready when GET on this URL answers 200. */
  healthUrl?: string;
  /** Or ready when a stdout line matches. */
  readyLine?: RegExp;
  /** URLs to show the user once it runs (docs, inbox, …). */
  links?: Record<string, string>;
  /** @default 60000 */
  startTimeoutMs?: number;
  /** Grace between SIGTERM and SIGKILL. @default 10000 */
  stopGraceMs?: number;
}

/** Writes a prefixed line; the stack sends these to its stdout. */
export type LineSink = (name: string, line: string, stream: 'stdout' | 'stderr') => void;

export class ManagedProcess {
  private child: ChildProcess | undefined;
  private readyLineSeen = false;
  state: ProcessState = 'stopped';
  exitCode: number | null = null;
  startedAt: number | undefined;

  constructor(
    readonly spec: ManagedProcessSpec,
    private readonly sink: LineSink,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once it is ready; rejects (and stops it) otherwise. */
  async start(): Promise<void> {
    if (this.state === 'running' || this.state === 'starting') return;
    this.state = 'starting';
    this.readyLineSeen = false;
    this.exitCode = null;
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: a Ctrl-C in the terminal reaches only the stack, which then stops
      // the services first and the infrastructure they use last.
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    this.pipe(child, 'stdout');
    this.pipe(child, 'stderr');
    child.once('exit', (code, signal) => {
      this.exitCode = code;
      if (this.state !== 'stopping') {
        this.sink(this.spec.name, `exited (${signal ?? `code ${code}`})`, 'stderr');
      }
      this.state = this.state === 'stopping' ? 'stopped' : 'exited';
    });
    try {
      await waitUntil(() => this.isReady(), {
        description: `${this.spec.name} to become ready`,
        timeoutMs: this.spec.startTimeoutMs ?? 60_000,
        intervalMs: 100,
        abort: () => (this.state === 'exited' ? `it exited with code ${this.exitCode}` : undefined),
      });
      this.state = 'running';
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  private async isReady(): Promise<boolean> {
    if (this.spec.readyLine) return this.readyLineSeen;
    if (!this.spec.healthUrl) return true;
    const response = await fetch(this.spec.healthUrl, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  }

  private pipe(child: ChildProcess, stream: 'stdout' | 'stderr'): void {
    const source = child[stream];
    if (!source) return;
    createInterface({ input: source }).on('line', (line) => {
      if (this.spec.readyLine?.test(line)) this.readyLineSeen = true;
      this.sink(this.spec.name, line, stream);
    });
  }

  /** SIGTERM, then SIGKILL after the grace period. Resolves once it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || this.state === 'stopped' || this.state === 'exited') {
      this.state = this.state === 'exited' ? 'exited' : 'stopped';
      return;
    }
    this.state = 'stopping';
    await stopChild(child, ['SIGTERM', 'SIGKILL'], this.spec.stopGraceMs ?? 10_000);
    this.state = 'stopped';
  }
}
