// The local stack's services as one unit: start them in order, stop them in reverse, and stop
// or start any single one while the rest keep running (the decoupling demo).
import {
  type LineSink,
  ManagedProcess,
  type ManagedProcessSpec,
  type ProcessState,
} from './managed-process';

export interface ServiceStatus {
  name: string;
  state: ProcessState;
  pid?: number;
  exitCode: number | null;
  startedAt?: string;
  links: Record<string, string>;
}

export class StackSupervisor {
  private readonly processes = new Map<string, ManagedProcess>();

  constructor(specs: ManagedProcessSpec[], sink: LineSink) {
    for (const spec of specs) this.processes.set(spec.name, new ManagedProcess(spec, sink));
  }

  names(): string[] {
    return [...this.processes.keys()];
  }

  /** Starts every process in order; each must be ready before the next starts. */
  async startAll(): Promise<void> {
    for (const p of this.processes.values()) await p.start();
  }

  /** Starts the given processes at the same time (services that do not depend on each other). */
  async startTogether(names: string[]): Promise<void> {
    await Promise.all(names.map((n) => this.get(n).start()));
  }

  async start(name: string): Promise<ServiceStatus> {
    await this.get(name).start();
    return this.status(name);
  }

  async stop(name: string): Promise<ServiceStatus> {
    await this.get(name).stop();
    return this.status(name);
  }

  /** Stops everything, last started first. */
  async stopAll(): Promise<void> {
    for (const p of [...this.processes.values()].reverse()) {
      await p.stop().catch(() => undefined);
    }
  }

  status(name: string): ServiceStatus {
    const p = this.get(name);
    return {
      name,
      state: p.state,
      ...(p.pid !== undefined && p.state !== 'stopped' ? { pid: p.pid } : {}),
      exitCode: p.exitCode,
      ...(p.startedAt ? { startedAt: new Date(p.startedAt).toISOString() } : {}),
      links: p.spec.links ?? {},
    };
  }

  statuses(): ServiceStatus[] {
    return this.names().map((n) => this.status(n));
  }

  has(name: string): boolean {
    return this.processes.has(name);
  }

  private get(name: string): ManagedProcess {
    const p = this.processes.get(name);
    if (!p) throw new Error(`unknown service "${name}" (known: ${this.names().join(', ')})`);
    return p;
  }
}
