import { type DriverRecord } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { CommitTracker } from './commit-tracker';
import { record } from './__tests__/fake-batch';

describe('CommitTracker', () => {
  it('commits the latest done record per partition, flushes one at a time, in order', async () => {
    const calls: string[] = [];
    let inFlight = 0;
    const tracker = new CommitTracker(
      { intervalMs: 60_000, maxPending: 1_000 },
      {
        commit: async (done: DriverRecord[]) => {
          expect(inFlight).toBe(0); // never two commits at once
          inFlight++;
          calls.push(done.map((r) => `${r.partition}@${String(r.index)}`).join(','));
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
        },
        owns: () => true,
        onCommitted: () => undefined,
        onError: () => undefined,
      },
    );
    tracker.markDone(record(0, 'a', 0));
    tracker.markDone(record(7, 'b', 1));
    tracker.markDone(record(1, 'c', 0));
    const first = tracker.flush();
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first commit is under way
    tracker.markDone(record(2, 'd', 0));
    const second = tracker.flush();
    await Promise.all([first, second]);
    tracker.close();
    expect(calls).toEqual(['0@1,1@7', '0@2']);
  });

  it('keeps a failed commit for the next flush, and commits only partitions still owned', async () => {
    let fail = true;
    const committed: string[] = [];
    const errors: unknown[] = [];
    let owned = true;
    const tracker = new CommitTracker(
      { intervalMs: 60_000, maxPending: 1_000 },
      {
        commit: (done) => {
          if (fail) return Promise.reject(new Error('rebalancing'));
          committed.push(...done.map((r) => String(r.index)));
          return Promise.resolve();
        },
        owns: () => owned,
        onCommitted: () => undefined,
        onError: (e) => errors.push(e),
      },
    );
    tracker.markDone(record(3));
    await tracker.flush();
    fail = false;
    await tracker.flush();
    expect(committed).toEqual(['3']);
    expect(errors).toHaveLength(1);

    fail = true;
    tracker.markDone(record(4));
    await tracker.flush();
    owned = false; // revoked meanwhile: the next owner commits its own progress
    fail = false;
    await tracker.flush();
    expect(committed).toEqual(['3']);
    tracker.close();
  });
});
