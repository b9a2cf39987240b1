import { describe, expect, it } from 'vitest';
import {
  DIR,
  expectCode,
  harness,
  InstrumentedStorage,
  namedBatch,
  readAll,
  recordsOf,
  segmentFiles,
  streamConfig,
  T0,
  until,
  values,
} from './log-fixtures';

const SECOND = 1000;

/** Appends `count` one-record batches, batch i stamped T0 + i seconds. */
async function fill(log: Awaited<ReturnType<ReturnType<typeof harness>['open']>>, count: number) {
  for (let i = 0; i < count; i++) {
    await log.append(namedBatch(`r${i}`, 1, { timestamps: [T0 + i * SECOND] }));
  }
}

describe('retention by TTL', () => {
  it('deletes whole segments past their TTL, oldest first, and advances the log start', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400, ttlMs: 10 * SECOND }) });
    const log = await h.open();
    await fill(log, 30);
    const before = await segmentFiles(h.storage);
    expect(before.length).toBeGreaterThan(4);
    h.clock.set(T0 + 20 * SECOND);
    const deleted = await log.enforceRetention();
    expect(deleted).toBeGreaterThan(0);
    const after = await segmentFiles(h.storage);
    expect(after).toHaveLength(before.length - deleted);
    // Their index files went with them (the active segment has some from a checkpoint).
    const indexes = await segmentFiles(h.storage, '.index');
    expect(indexes.map((n) => n.slice(0, 20))).toEqual(after.map((n) => n.slice(0, 20)));
    // Every record left is in a segment with something younger than the TTL; the first
    // segment left holds record 10 (stamped T0 + 10 s, not older than now - TTL).
    const start = log.logStartIndex;
    expect(after[0]).toBe(`${String(start).padStart(20, '0')}.log`);
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThanOrEqual(10);
    const err = await expectCode(log.read(start - 1, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    expect(err).toMatchObject({ context: { logStartIndex: start, highWatermark: 30 } });
    expect(values(await readAll(log))[0]).toBe(`r${start}-0`);
    expect((await log.append(namedBatch('new', 1))).logStartIndex).toBe(start);
    await log.close();
  });

  it('rolls and deletes an entirely expired active segment, so an idle partition empties', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400, ttlMs: 10 * SECOND }) });
    const log = await h.open();
    await fill(log, 12);
    h.clock.set(T0 + 60 * SECOND);
    expect(await log.enforceRetention()).toBeGreaterThan(1);
    expect(log.logStartIndex).toBe(12);
    expect(log.highWatermark).toBe(12);
    expect(log.sizeBytes).toBe(0);
    expect(await segmentFiles(h.storage)).toEqual(['00000000000000000012.log']);
    expect((await log.read(12, 100)).records.length).toBe(0);
    await expectCode(log.read(11, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    expect(await log.enforceRetention()).toBe(0);
    expect(await log.append(namedBatch('next', 1))).toMatchObject({
      baseIndex: 12,
      logStartIndex: 12,
    });
    await log.close();
    const reopened = await h.open();
    expect(reopened.logStartIndex).toBe(12);
    expect(values(await readAll(reopened))).toEqual(['next-0']);
    await reopened.close();
  });

  it('keeps everything with ttlMs -1 and applies a new config from setConfig', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400, ttlMs: -1 }) });
    const log = await h.open();
    await fill(log, 20);
    h.clock.set(T0 + 1000 * 24 * 3600 * SECOND);
    expect(await log.enforceRetention()).toBe(0);
    expect(log.logStartIndex).toBe(0);
    log.setConfig(streamConfig({ segmentBytes: 400, ttlMs: 1 }));
    expect(await log.enforceRetention()).toBeGreaterThan(0);
    expect(log.logStartIndex).toBe(20);
    await log.close();
  });
});

describe('retention by size', () => {
  it('deletes the oldest segments while the partition exceeds retentionBytes', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400, retentionBytes: 1000 }) });
    const log = await h.open();
    await fill(log, 40);
    const total = log.sizeBytes;
    expect(total).toBeGreaterThan(2000);
    const deleted = await log.enforceRetention();
    expect(deleted).toBeGreaterThan(0);
    expect(log.sizeBytes).toBeLessThanOrEqual(1000 + 400);
    expect(log.sizeBytes).toBeGreaterThanOrEqual(1000);
    expect(values(await readAll(log)).at(-1)).toBe('r39-0');
    await expectCode(log.read(log.logStartIndex - 1, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    await log.close();
  });
});

describe('DeleteRecords', () => {
  it('moves the log start mid-segment and mid-batch, durably, deleting only whole segments below it', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400 }) });
    const log = await h.open();
    for (let i = 0; i < 20; i++) await log.append(namedBatch(`b${i}`, 3));
    const segments = await segmentFiles(h.storage);
    const secondBase = Number(segments[1]!.slice(0, 20));
    const target = secondBase + 4; // inside the second batch of the second segment
    expect(await log.deleteRecordsBefore(target)).toBe(target);
    expect(log.logStartIndex).toBe(target);
    expect(await segmentFiles(h.storage)).toEqual(segments.slice(1));
    await expectCode(log.read(target - 1, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    // A read at the start gets the whole containing batch (clients drop what is below).
    const got = recordsOf((await log.read(target, 1)).records);
    expect(got[0]!.index).toBe(target - 1);
    expect(got.map((r) => r.index)).toContain(target);
    expect(await log.deleteRecordsBefore(3)).toBe(target); // never moves back
    await expectCode(log.deleteRecordsBefore(61), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    h.storage.crash();
    const reopened = await h.open();
    expect(reopened.logStartIndex).toBe(target);
    expect(values(await readAll(reopened))[0]).toBe(`b${Math.floor(target / 3)}-${target % 3}`);
    expect(await reopened.deleteRecordsBefore(-1)).toBe(60);
    expect(reopened.logStartIndex).toBe(60);
    expect((await reopened.read(60, 10)).records.length).toBe(0);
    await reopened.close();
  });

  it('readBefore stops at the log start', async () => {
    const log = await harness().open();
    for (let i = 0; i < 6; i++) await log.append(namedBatch(`b${i}`, 2));
    await log.deleteRecordsBefore(5);
    const seen: number[] = [];
    let before = log.highWatermark;
    for (;;) {
      const { records } = await log.readBefore(before, 1);
      if (records.length === 0) break;
      const got = recordsOf(records);
      seen.unshift(...got.map((r) => r.index));
      before = got[0]!.index;
    }
    expect(seen).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    await log.close();
  });
});

describe('a segment deleted under a reader', () => {
  it('the reader retries and reports out of range instead of reading a vanished file', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 400, ttlMs: 10 * SECOND }) });
    const storage = new InstrumentedStorage(h.storage);
    const log = await h.open({ storage });
    await fill(log, 30);
    storage.holdReads();
    const read = log.read(0, 100);
    await until(() => storage.heldReads === 1, 'the read to reach the segment file');
    h.clock.set(T0 + 25 * SECOND);
    expect(await log.enforceRetention()).toBeGreaterThan(0);
    expect(await h.storage.exists(`${DIR}/00000000000000000000.log`)).toBe(false);
    storage.releaseReads();
    await expectCode(read, 'SPS_ERR_INDEX_OUT_OF_RANGE');
    expect(log.failure).toBeUndefined();
    await log.close();
  });
});
