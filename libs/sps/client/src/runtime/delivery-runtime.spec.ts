// The delivery runtime without a driver: batches are handed to it directly, commits are
// recorded, time is real but short (delays of a few ms, no fixed sleeps in assertions).
import { SpsError, type DriverRecord, type PartitionRef } from '@shopstream/sps-core';
import { describe, expect, it, vi } from 'vitest';
import { TRACEPARENT_HEADER, currentTraceparent } from '../trace/traceparent';
import { CommitTracker } from './commit-tracker';
import { ConsumerEvents, type ConsumerEventMap } from './consumer-events';
import { DeliveryRuntime, type DeliveryRuntimeOptions } from './delivery-runtime';
import { resolveRetryPolicy } from './retry-policy';
import { FakeBatch, FakeDeadLetters, record } from './__tests__/fake-batch';
import { type MessageHandler } from './sps-message';

function setup(
  handler: MessageHandler,
  options: Partial<DeliveryRuntimeOptions> & { maxPending?: number; intervalMs?: number } = {},
) {
  const committed: number[][] = [];
  const events = new ConsumerEvents();
  const seen: Array<{ name: keyof ConsumerEventMap; event: unknown }> = [];
  for (const name of ['retrying', 'dead-lettered', 'committed', 'revoked', 'error'] as const) {
    events.on(name, (event) => seen.push({ name, event }));
  }
  const commits = new CommitTracker(
    { intervalMs: options.intervalMs ?? 60_000, maxPending: options.maxPending ?? 1_000 },
    {
      commit: (done: DriverRecord[]) => {
        committed.push(done.map((r) => Number(r.index)));
        return Promise.resolve();
      },
      owns: () => true,
      onCommitted: (partitions) => events.emit('committed', { partitions }),
      onError: (error) => events.emit('error', { error }),
    },
  );
  const deadLetters = new FakeDeadLetters();
  const runtime = new DeliveryRuntime({
    group: 'mailer',
    handler,
    retry: resolveRetryPolicy({ maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 40, jitter: 0 }),
    deadLetters,
    commits,
    events,
    heartbeatIntervalMs: 3,
    ...options,
  });
  return { runtime, commits, committed, deadLetters, seen, events };
}

const values = (records: Array<{ value: Buffer | null }>) =>
  records.map((r) => r.value!.toString());

describe('DeliveryRuntime', () => {
  it('handles a batch in order and commits the last done record when the count is reached', async () => {
    const handled: string[] = [];
    const { runtime, committed, commits } = setup((m) => void handled.push(m.value!.toString()), {
      maxPending: 2,
    });
    await runtime.onBatch(new FakeBatch([record(0), record(1), record(2)]));
    await commits.flush();
    expect(handled).toEqual(['order-0', 'order-1', 'order-2']);
    expect(committed).toEqual([[1], [2]]); // after 2 records, then the rest on flush
  });

  it('never commits past a record whose handler has not finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runtime, committed } = setup(
      async (m) => {
        if (m.index === 2) await gate;
      },
      { intervalMs: 5 },
    );
    const batch = runtime.onBatch(new FakeBatch([record(0), record(1), record(2), record(3)]));
    await vi.waitFor(() => expect(committed).toEqual([[1]]));
    await new Promise((resolve) => setTimeout(resolve, 30)); // several intervals pass…
    expect(committed).toEqual([[1]]); // …and nothing beyond the unfinished record 2
    release();
    await batch;
    await vi.waitFor(() => expect(committed.at(-1)).toEqual([3]));
  });

  it('retries a failing handler with growing delays, heartbeating meanwhile, until it succeeds', async () => {
    let calls = 0;
    const batch = new FakeBatch([record(0)]);
    const { runtime, seen } = setup((_m, ctx) => {
      calls++;
      expect(ctx.attempt).toBe(calls);
      if (calls < 3) throw new Error('smtp busy');
    });
    await runtime.onBatch(batch);
    const retries = seen.filter((e) => e.name === 'retrying').map((e) => e.event);
    expect(retries).toMatchObject([
      { attempt: 1, delayMs: 10 },
      { attempt: 2, delayMs: 20 },
    ]);
    expect(batch.heartbeats).toBeGreaterThanOrEqual(2); // at least one beat in each wait
  });

  it('dead-letters after maxAttempts and goes on with the next record', async () => {
    const handled: string[] = [];
    const { runtime, deadLetters, commits, committed } = setup((m) => {
      if (m.value!.toString() === 'poison') throw new Error('cannot parse');
      handled.push(m.value!.toString());
    });
    await runtime.onBatch(new FakeBatch([record(0), record(1, 'poison'), record(2)]));
    await commits.flush();
    expect(handled).toEqual(['order-0', 'order-2']);
    expect(deadLetters.written).toMatchObject([{ attempts: 3 }]);
    expect(values(deadLetters.written.map((w) => w.message))).toEqual(['poison']);
    expect(committed).toEqual([[2]]); // the dead letter counts as done
  });

  it('dead-letters a non-retriable error at once, and an unknown one when told not to retry those', async () => {
    const fatal = Object.assign(new Error('negative total'), { retriable: false });
    const first = setup(() => {
      throw fatal;
    });
    await first.runtime.onBatch(new FakeBatch([record(0)]));
    expect(first.deadLetters.written).toMatchObject([{ attempts: 1, error: fatal }]);
    expect(first.seen.some((e) => e.name === 'retrying')).toBe(false);

    const second = setup(
      () => {
        throw new Error('no flag');
      },
      { retry: resolveRetryPolicy({ retryUnknownErrors: false }) },
    );
    await second.runtime.onBatch(new FakeBatch([record(0)]));
    expect(second.deadLetters.written).toMatchObject([{ attempts: 1 }]);

    const retriable = setup(() => {
      throw new SpsError('SPS_ERR_TIMEOUT', 'slow db');
    });
    await retriable.runtime.onBatch(new FakeBatch([record(0)]));
    expect(retriable.deadLetters.written).toMatchObject([{ attempts: 3 }]);
  });

  it('without dead letters, retries past maxAttempts until the handler succeeds', async () => {
    let calls = 0;
    const { runtime } = setup(
      () => {
        if (++calls < 6) throw new Error('down');
      },
      {
        deadLetters: null,
        retry: resolveRetryPolicy({ maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 }),
      },
    );
    await runtime.onBatch(new FakeBatch([record(0)]));
    expect(calls).toBe(6);
  });

  it('keeps trying to write a dead letter the stream refused, reporting each failure', async () => {
    const { runtime, seen, commits, committed } = setup(
      () => {
        throw Object.assign(new Error('bad'), { retriable: false });
      },
      { deadLetters: new FakeDeadLetters(2) },
    );
    await runtime.onBatch(new FakeBatch([record(0)]));
    await commits.flush();
    expect(seen.filter((e) => e.name === 'error')).toHaveLength(2);
    expect(seen.filter((e) => e.name === 'dead-lettered')).toHaveLength(1);
    expect(committed).toEqual([[0]]);
  });

  it('abandons a record whose partition is revoked during its backoff: not done, not committed', async () => {
    const batch = new FakeBatch([record(0), record(1)]);
    let signal: AbortSignal | undefined;
    const { runtime, commits, committed, deadLetters } = setup(
      (_m, ctx) => {
        signal = ctx.signal;
        throw new Error('down');
      },
      { retry: resolveRetryPolicy({ initialDelayMs: 60_000, maxDelayMs: 60_000 }) },
    );
    const running = runtime.onBatch(batch);
    await vi.waitFor(() => expect(signal).toBeDefined());
    batch.revoke();
    await running; // promptly, not after a minute
    await commits.flush();
    expect(signal!.aborted).toBe(true);
    expect(committed).toEqual([]);
    expect(deadLetters.written).toEqual([]);
  });

  it('on revoke, waits for the record in flight, commits it, then reports the partitions', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runtime, committed, seen } = setup(async (m) => {
      if (m.index === 1) await gate;
    });
    const batch = new FakeBatch([record(0), record(1), record(2)]);
    const running = runtime.onBatch(batch);
    await new Promise((resolve) => setTimeout(resolve, 5));
    batch.revoke(); // the driver marks it stale first…
    const revoked: PartitionRef[] = [{ stream: 'orders', partition: 0 }];
    const revoking = runtime.onRevoked(revoked); // …then asks the runtime to finish and commit
    expect(committed).toEqual([]);
    release();
    await Promise.all([running, revoking]);
    expect(committed).toEqual([[1]]); // record 1 finished and committed; record 2 left for the next owner
    expect(seen.at(-1)).toEqual({ name: 'revoked', event: { partitions: revoked } });
  });

  it('runs the handler inside the trace context of its record', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const inside: Array<string | undefined> = [];
    const { runtime } = setup((_m, ctx) => {
      inside.push(currentTraceparent(), ctx.traceparent ?? undefined);
    });
    const traced = {
      ...record(0),
      headers: [{ key: TRACEPARENT_HEADER, value: Buffer.from(traceparent) }],
    };
    await runtime.onBatch(new FakeBatch([traced, record(1)]));
    expect(inside).toEqual([traceparent, traceparent, undefined, undefined]);
  });
});
