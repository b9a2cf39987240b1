import { hasSpsCode, type SpsError } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../log-format';
import { CHECKPOINT_INTERVAL_MS } from '../partition-log';
import {
  DIR,
  expectCode,
  harness,
  InstrumentedStorage,
  namedBatch,
  readAll,
  streamConfig,
  until,
  values,
} from './log-fixtures';

/** A deterministic random source, so a failing torn-tail round can be replayed. */
function seeded(seed: number): () => number {
  let s = seed * 2654435761 + 1;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const SEGMENT0 = `${DIR}/00000000000000000000.log`;

describe('group commit', () => {
  it('N concurrent appends share far fewer syncs, in arrival order', async () => {
    const h = harness();
    const log = await h.open();
    const before = h.storage.syncCount;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => log.append(namedBatch(`c${i}`, 1))),
    );
    expect(results.map((r) => r.baseIndex)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(h.storage.syncCount - before).toBeLessThanOrEqual(2);
    expect(values(await readAll(log))).toEqual(results.map((_, i) => `c${i}-0`));
    await log.close();
  });

  it('appends arriving during a sync form the next group; records are visible only once synced', async () => {
    const h = harness();
    const storage = new InstrumentedStorage(h.storage);
    const log = await h.open({ storage });
    storage.holdSyncs();
    const first = log.append(namedBatch('g1', 1));
    await until(() => storage.heldSyncs === 1, 'the first group to sync');
    // Written but not yet durable: not visible, HW unmoved.
    expect(log.highWatermark).toBe(0);
    expect((await log.read(0, 100)).records.length).toBe(0);
    const second = [log.append(namedBatch('g2', 1)), log.append(namedBatch('g3', 1))];
    const syncsBefore = storage.syncs;
    storage.release();
    expect(await first).toMatchObject({ baseIndex: 0 });
    expect((await Promise.all(second)).map((r) => r.baseIndex)).toEqual([1, 2]);
    expect(storage.syncs - syncsBefore).toBe(1);
    expect(log.highWatermark).toBe(3);
    await log.close();
  });
});

describe('storage failures are fatal', () => {
  it('a failed fsync fails the partition: the group and every later operation reject, HW stays', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(namedBatch('ok', 1));
    h.storage.fail('sync', /\.log$/);
    const group = await Promise.allSettled([
      log.append(namedBatch('a', 1)),
      log.append(namedBatch('b', 1)),
    ]);
    for (const r of group) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as SpsError;
      expect(reason.code).toBe('SPS_ERR_PARTITION_FAILED');
      expect(hasSpsCode(reason.cause, 'SPS_ERR_STORAGE')).toBe(true);
    }
    expect(log.highWatermark).toBe(1);
    expect(log.failure?.context.reason).toMatch(/sync/);
    await expectCode(log.append(namedBatch('c', 1)), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(log.read(0, 100), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(log.readBefore(1, 100), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(log.indexForTimestamp(0), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(log.deleteRecordsBefore(1), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(log.enforceRetention(), 'SPS_ERR_PARTITION_FAILED');
    await log.close();
    // No clean marker for a failed partition: the next open recovers and checks everything.
    expect(await h.storage.exists(`${DIR}/clean-shutdown.meta`)).toBe(false);
    const reopened = await h.open();
    expect(reopened.recovery.clean).toBe(false);
    expect(values(await readAll(reopened)).slice(0, 1)).toEqual(['ok-0']);
    await reopened.close();
  });

  it('a failed write fails the partition and leaves the HW where it was', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(namedBatch('ok', 2));
    h.storage.fail('write', /\.log$/);
    await expectCode(log.append(namedBatch('lost', 1)), 'SPS_ERR_PARTITION_FAILED');
    expect(log.highWatermark).toBe(2);
    await expectCode(log.append(namedBatch('later', 1)), 'SPS_ERR_PARTITION_FAILED');
    h.storage.crash();
    const reopened = await h.open();
    expect(values(await readAll(reopened))).toEqual(['ok-0', 'ok-1']);
    await reopened.close();
  });

  it('with fsync {intervalMs}, appends resolve after the write and a timer syncs', async () => {
    const h = harness({ fsync: { intervalMs: 100 } });
    const log = await h.open();
    const before = h.storage.syncCount;
    await log.append(namedBatch('i', 1));
    expect(log.highWatermark).toBe(1);
    expect(h.storage.syncCount).toBe(before);
    h.clock.advance(100);
    await until(() => h.storage.syncCount > before, 'the interval sync');
    h.storage.fail('sync', /\.log$/);
    await log.append(namedBatch('j', 1));
    h.clock.advance(100);
    await until(() => log.failure !== undefined, 'the failed interval sync to fail the partition');
    await expectCode(log.append(namedBatch('k', 1)), 'SPS_ERR_PARTITION_FAILED');
  });

  it("with fsync 'never', appends do not sync; a roll does", async () => {
    const h = harness({ fsync: 'never', config: streamConfig({ segmentBytes: 300 }) });
    const log = await h.open();
    const before = h.storage.syncCount;
    await log.append(namedBatch('n', 1));
    expect(h.storage.syncCount).toBe(before);
    for (let i = 0; i < 5; i++) await log.append(namedBatch(`m${i}`, 1));
    expect(h.storage.syncCount).toBeGreaterThan(before);
    await log.close();
  });
});

describe('recovery', () => {
  it.each(['partial', 'garbage'] as const)(
    'truncates a torn tail after crash({ tornTail: %s }) and keeps every acknowledged record',
    async (tornTail) => {
      let truncatedRounds = 0;
      for (let round = 0; round < 30; round++) {
        const h = harness({ config: streamConfig({ segmentBytes: 1500 }) });
        const log = await h.open();
        const acked: string[] = [];
        for (let i = 0; i < 5 + round; i++) {
          const n = 1 + (i % 3);
          await log.append(namedBatch(`r${i}`, n));
          for (let k = 0; k < n; k++) acked.push(`r${i}-${k}`);
        }
        // A group that is written but whose sync fails: never acknowledged, bytes not durable.
        h.storage.fail('sync', /\.log$/);
        const unacked = await Promise.allSettled([
          log.append(namedBatch('u1', 2)),
          log.append(namedBatch('u2', 2)),
        ]);
        expect(unacked.every((r) => r.status === 'rejected')).toBe(true);
        h.storage.crash({ tornTail, random: seeded(round) });

        const reopened = await h.open();
        expect(reopened.failure, `round ${round}`).toBeUndefined();
        if (reopened.recovery.truncatedBytes > 0) truncatedRounds++;
        const got = values(await readAll(reopened));
        expect(got.slice(0, acked.length)).toEqual(acked);
        // Whatever survived past the acknowledged records is whole unacknowledged batches.
        expect(['', 'u1-0,u1-1', 'u1-0,u1-1,u2-0,u2-1']).toContain(
          got.slice(acked.length).join(','),
        );
        await reopened.append(namedBatch('after', 1));
        expect(values(await readAll(reopened)).at(-1)).toBe('after-0');
        await reopened.close();
      }
      // The rounds really exercised the cut (a torn tail of zero bytes needs none).
      expect(truncatedRounds).toBeGreaterThan(10);
    },
  );

  it('opens cleanly after close without reading any segment data', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 2000 }) });
    const log = await h.open();
    for (let i = 0; i < 200; i++) {
      await log.append(namedBatch(`c${i}`, 1, { producerId: 9, baseSequence: i }));
    }
    await log.close();
    const storage = new InstrumentedStorage(h.storage);
    const reopened = await h.open({ storage });
    expect(reopened.recovery).toMatchObject({ clean: true, scannedBytes: 0, replayedBatches: 0 });
    expect(storage.logBytesRead).toBe(0);
    // The marker is consumed: a crash from here on is an unclean shutdown.
    expect(await h.storage.exists(`${DIR}/clean-shutdown.meta`)).toBe(false);
    expect(reopened.highWatermark).toBe(200);
    expect(values(await readAll(reopened))).toHaveLength(200);
    await reopened.close();
  });

  it('recovers after a crash: scans only what follows the last checkpoint', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 100_000 }) });
    const log = await h.open();
    for (let i = 0; i < 30; i++) await log.append(namedBatch(`a${i}`, 2));
    h.clock.advance(CHECKPOINT_INTERVAL_MS);
    let afterCheckpoint = 0;
    for (let i = 0; i < 7; i++) {
      const b = namedBatch(`b${i}`, 2);
      afterCheckpoint += b.length;
      await log.append(b);
    }
    h.storage.crash();
    const reopened = await h.open();
    expect(reopened.recovery.clean).toBe(false);
    expect(reopened.recovery.scannedBytes).toBe(afterCheckpoint);
    expect(reopened.highWatermark).toBe(74);
    expect(values(await readAll(reopened))).toHaveLength(74);
    await reopened.close();
  });

  it('after a clean reopen, more appends and a crash: trusts the indexed prefix, scans the rest', async () => {
    const h = harness();
    const log = await h.open();
    for (let i = 0; i < 40; i++) await log.append(namedBatch(`a${i}`, 1 + (i % 2)));
    await log.close();
    const again = await h.open();
    expect(again.recovery.clean).toBe(true);
    let tail = 0;
    for (let i = 0; i < 6; i++) {
      const b = namedBatch(`b${i}`, 2);
      tail += b.length;
      await again.append(b);
    }
    h.storage.crash();
    const reopened = await h.open();
    expect(reopened.recovery.scannedBytes).toBe(tail);
    const all = values(await readAll(reopened, 1));
    expect(all).toHaveLength(60 + 12);
    expect(all.slice(58, 62)).toEqual(['a39-0', 'a39-1', 'b0-0', 'b0-1']);
    await reopened.close();
  });

  it('an unreadable checkpoint makes the whole last segment a candidate tail, nothing lost', async () => {
    const h = harness();
    const log = await h.open();
    for (let i = 0; i < 10; i++) await log.append(namedBatch(`k${i}`, 1));
    await log.close();
    h.storage.flipBit(`${DIR}/recovery-checkpoint.meta`, 20);
    const reopened = await h.open();
    expect(reopened.failure).toBeUndefined();
    expect(reopened.recovery.notes.join()).toMatch(/recovery checkpoint unreadable/);
    expect(values(await readAll(reopened))).toHaveLength(10);
    await reopened.close();
  });

  it('rebuilds missing or rotten index files by scanning', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 500 }) });
    const log = await h.open();
    for (let i = 0; i < 30; i++) await log.append(namedBatch(`x${i}`, 1));
    await log.close();
    await h.storage.remove(`${DIR}/00000000000000000000.index`);
    const timeIndex = (await h.storage.list(DIR)).filter((n) => n.endsWith('.timeindex'))[1]!;
    h.storage.flipBit(`${DIR}/${timeIndex}`, 20);
    const reopened = await h.open();
    expect(reopened.failure).toBeUndefined();
    expect(reopened.recovery.rebuiltIndexes).toBe(2);
    expect(values(await readAll(reopened))).toHaveLength(30);
    expect(await h.storage.exists(`${DIR}/00000000000000000000.index`)).toBe(true);
    await reopened.close();
  });

  it('a flipped bit in a sealed segment fails the partition when read, naming file and byte', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 600 }) });
    const log = await h.open();
    const first = namedBatch('s0', 2);
    await log.append(first);
    for (let i = 1; i < 20; i++) await log.append(namedBatch(`s${i}`, 2));
    await log.close();
    h.storage.flipBit(SEGMENT0, first.length + 40);
    const reopened = await h.open();
    expect(reopened.recovery.clean).toBe(true);
    await reopened.read(0, 1); // the first batch is fine
    const error = (await expectCode(reopened.read(2, 1), 'SPS_ERR_PARTITION_FAILED')) as SpsError;
    expect(error.context).toMatchObject({ file: SEGMENT0, position: first.length });
    expect(String(error.context.reason)).toMatch(/CRC32C mismatch/);
    // Nothing is served any more, not even the good batches.
    await expectCode(reopened.read(0, 1), 'SPS_ERR_PARTITION_FAILED');
    await expectCode(reopened.append(namedBatch('z', 1)), 'SPS_ERR_PARTITION_FAILED');
    await reopened.close();
  });

  it('a flipped bit found while rebuilding a sealed segment opens the partition failed', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 600 }) });
    const log = await h.open();
    const first = namedBatch('s0', 2);
    for (let i = 0; i < 20; i++) await log.append(i === 0 ? first : namedBatch(`s${i}`, 2));
    await log.close();
    h.storage.flipBit(SEGMENT0, first.length + 40);
    await h.storage.remove(`${DIR}/00000000000000000000.index`);
    const reopened = await h.open();
    expect(reopened.failure?.code).toBe('SPS_ERR_PARTITION_FAILED');
    expect(reopened.failure?.context).toMatchObject({ file: SEGMENT0, position: first.length });
    await expectCode(reopened.read(0, 1), 'SPS_ERR_PARTITION_FAILED');
    await reopened.close();
  });

  it('a flipped bit before the checkpoint of the active segment is corruption, not a torn tail', async () => {
    const h = harness();
    const log = await h.open();
    const first = namedBatch('p0', 2);
    await log.append(first);
    for (let i = 1; i < 10; i++) await log.append(namedBatch(`p${i}`, 2));
    h.clock.advance(CHECKPOINT_INTERVAL_MS);
    await log.append(namedBatch('q', 1)); // runs after the checkpoint task
    h.storage.crash();
    h.storage.flipBit(SEGMENT0, first.length + 30);
    // Without the index files, the scan crosses the flipped byte before the checkpoint position.
    await h.storage.remove(`${DIR}/00000000000000000000.index`);
    const reopened = await h.open();
    expect(reopened.failure?.code).toBe('SPS_ERR_PARTITION_FAILED');
    expect(reopened.failure?.context).toMatchObject({ file: SEGMENT0, position: first.length });
    await expectCode(reopened.read(0, 1), 'SPS_ERR_PARTITION_FAILED');
    // Nothing was truncated: the bytes are still there for a person to look at.
    expect(h.storage.peek(SEGMENT0)!.length).toBeGreaterThan(first.length * 10);
  });

  it('a flipped bit in a base offset (outside the CRC) is caught by the contiguity check', async () => {
    const h = harness();
    const log = await h.open();
    const first = namedBatch('o0', 2);
    await log.append(first);
    await log.append(namedBatch('o1', 2));
    await log.close();
    h.storage.flipBit(SEGMENT0, first.length + 7, 0x04);
    const reopened = await h.open();
    const error = (await expectCode(reopened.read(2, 1), 'SPS_ERR_PARTITION_FAILED')) as SpsError;
    expect(String(error.context.reason)).toMatch(/base offset 6 where 2 was expected/);
  });

  it('refuses files of a newer format version with a clear error', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(namedBatch('v', 1));
    await log.close();
    const newer = encodeEnvelope('SPSR', Buffer.alloc(32));
    newer.writeUInt16BE(99, 4);
    await h.storage.writeFileAtomic(`${DIR}/recovery-checkpoint.meta`, newer);
    const error = (await expectCode(h.open(), 'SPS_ERR_PARTITION_FAILED')) as SpsError;
    expect(error.message).toMatch(/format version 99/);
    expect(error.context).toMatchObject({ version: 99, supported: 1 });
  });

  it('a rotten log-start file opens the partition failed (deleted records must not come back)', async () => {
    const h = harness();
    const log = await h.open();
    await log.append(namedBatch('d', 4));
    await log.deleteRecordsBefore(2);
    await log.close();
    h.storage.flipBit(`${DIR}/log-start.meta`, 16);
    const reopened = await h.open();
    expect(reopened.failure?.context.reason).toMatch(/log-start\.meta is unreadable/);
  });

  it('detects synced records gone missing (a segment file truncated behind our back)', async () => {
    const h = harness();
    const log = await h.open();
    for (let i = 0; i < 5; i++) await log.append(namedBatch(`t${i}`, 1));
    await log.close();
    const file = await h.storage.open(SEGMENT0);
    await file.truncate(50);
    await file.sync();
    const reopened = await h.open();
    expect(reopened.failure?.context.reason).toMatch(/bytes were synced and indexed/);
  });
});

describe('close', () => {
  it('finishes queued appends, then rejects new operations', async () => {
    const h = harness();
    const log = await h.open();
    const queued = [log.append(namedBatch('a', 1)), log.append(namedBatch('b', 1))];
    const closing = log.close();
    await expectCode(log.append(namedBatch('late', 1)), 'SPS_ERR_ENGINE_CLOSED');
    expect((await Promise.all(queued)).map((r) => r.baseIndex)).toEqual([0, 1]);
    await closing;
    expect(log.close()).toBe(closing);
    await expectCode(log.read(0, 100), 'SPS_ERR_ENGINE_CLOSED');
    await expectCode(log.enforceRetention(), 'SPS_ERR_ENGINE_CLOSED');
  });
});
