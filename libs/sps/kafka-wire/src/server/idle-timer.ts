/**
 * Kafka's `connections.max.idle.ms` for one connection: fires `onIdle` once the connection has
 * had no traffic for `limitMs` AND has nothing in flight — a request parked in its handler
 * (a Fetch long-poll, a JoinGroup waiting for the group) is not idleness. One timer per
 * connection, re-armed lazily (no timer churn per packet), unref'd so it never keeps the
 * process alive.
 */
export class IdleTimer {
  private lastActivity = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly busy: () => boolean,
    private readonly onIdle: (idleForMs: number) => void,
  ) {
    this.arm(limitMs);
  }

  /** Records traffic (a read, a flushed write). */
  touch(): void {
    this.lastActivity = Date.now();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.check(), delayMs);
    this.timer.unref();
  }

  private check(): void {
    const idleFor = Date.now() - this.lastActivity;
    const busy = this.busy();
    if (!busy && idleFor >= this.limitMs) {
      this.onIdle(idleFor);
      return;
    }
    this.arm(busy ? this.limitMs : this.limitMs - idleFor);
  }
}
