// Batches and dead-letter writers for runtime tests, without a driver.
import { type DriverBatch, type DriverRecord } from '@shopstream/sps-core';
import { type DeadLetterWriter } from '../delivery-runtime';
import { type SpsMessage } from '../sps-message';

export function record(index: number, value = `order-${index}`, partition = 0): DriverRecord {
  return {
    stream: 'orders',
    partition,
    index,
    key: Buffer.from('ord_1'),
    value: Buffer.from(value),
    headers: [],
    timestamp: 1_700_000_000_000,
  };
}

/** A batch the test can make stale; counts heartbeats. */
export class FakeBatch implements DriverBatch {
  readonly stream = 'orders';
  heartbeats = 0;
  private stale = false;
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  constructor(
    readonly records: DriverRecord[],
    readonly partition = 0,
  ) {}

  heartbeat(): Promise<void> {
    this.heartbeats++;
    return Promise.resolve();
  }

  isStale(): boolean {
    return this.stale;
  }

  revoke(): void {
    this.stale = true;
    this.controller.abort();
  }
}

/** Remembers dead letters; fails the first `failures` writes. */
export class FakeDeadLetters implements DeadLetterWriter {
  readonly written: Array<{ message: SpsMessage; attempts: number; error: unknown }> = [];

  constructor(private failures = 0) {}

  send(
    message: SpsMessage,
    facts: { error: unknown; attempts: number },
  ): Promise<{ stream: string; index: number }> {
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('dead-letter stream unavailable'));
    }
    this.written.push({ message, attempts: facts.attempts, error: facts.error });
    return Promise.resolve({ stream: `${message.stream}.dlq`, index: this.written.length - 1 });
  }
}
