import { Compression, crc32c, readBatchHeader, splitBatches } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import {
  batch,
  DIR,
  expectCode,
  harness,
  namedBatch,
  readAll,
  recordsOf,
  segmentFiles,
  streamConfig,
  T0,
  values,
} from './log-fixtures';

describe('partition log: append and read', () => {
  it('assigns dense indexes across batches and serves them back intact', async () => {
    const h = harness();
    const log = await h.open();
    const a = await log.append(namedBatch('a', 3));
    const b = await log.append(namedBatch('b', 2));
    expect(a).toEqual({ baseIndex: 0, lastIndex: 2, logStartIndex: 0, duplicate: false });
    expect(b).toMatchObject({ baseIndex: 3, lastIndex: 4 });
    expect(log.highWatermark).toBe(5);
    expect(values(await readAll(log))).toEqual(['a-0', 'a-1', 'a-2', 'b-0', 'b-1']);
    await log.close();
  });

  it('stores the client bytes except base offset and leader epoch, and leaves the caller buffer alone', async () => {
    const h = harness({ leaderEpoch: 7 });
    const log = await h.open();
    await log.append(namedBatch('x', 1));
    const sent = namedBatch('y', 2);
    const copy = Buffer.from(sent);
    await log.append(sent);
    expect(sent.equals(copy)).toBe(true);
    const { records } = await log.read(1, 1);
    const header = readBatchHeader(records);
    expect(header.baseOffset).toBe(1);
    expect(header.partitionLeaderEpoch).toBe(7);
    expect(records.subarray(16).equals(sent.subarray(16))).toBe(true);
    expect(records.subarray(8, 12).equals(sent.subarray(8, 12))).toBe(true);
    await log.close();
  });

  it('a read in the middle of a batch returns the whole containing batch', async () => {
    const log = await harness().open();
    await log.append(namedBatch('a', 4));
    await log.append(namedBatch('b', 4));
    const { records } = await log.read(6, 1);
    expect(splitBatches(records).batches).toHaveLength(1);
    expect(recordsOf(records).map((r) => r.index)).toEqual([4, 5, 6, 7]);
    await log.close();
  });

  it('finds the right batch from every index through the sparse index, over many segments', async () => {
    const h = harness({ indexIntervalBytes: 150, config: streamConfig({ segmentBytes: 2000 }) });
    const log = await h.open();
    const sizes = [1, 3, 2, 5, 1, 1, 4, 2];
    let expected = 0;
    for (let i = 0; i < 60; i++) {
      const n = sizes[i % sizes.length]!;
      const r = await log.append(namedBatch(`b${i}`, n));
      expect(r.baseIndex).toBe(expected);
      expected += n;
    }
    const segments = (await segmentFiles(h.storage)).length;
    expect(segments).toBeGreaterThan(3);
    for (let index = 0; index < log.highWatermark; index++) {
      const { records } = await log.read(index, 1);
      const got = recordsOf(records);
      expect(got[0]!.index).toBeLessThanOrEqual(index);
      expect(got[got.length - 1]!.index).toBeGreaterThanOrEqual(index);
    }
    await log.close();
  });

  it('maxBytes is soft: at least one whole batch, then whole batches that fit', async () => {
    const log = await harness().open();
    for (let i = 0; i < 5; i++) await log.append(namedBatch(`b${i}`, 3));
    const one = (await log.read(0, 1)).records;
    const size = readBatchHeader(one).batchLength + 12;
    expect(one.length).toBe(size);
    expect((await log.read(0, 0)).records.length).toBe(size);
    expect((await log.read(0, size * 2 + size - 1)).records.length).toBe(size * 2);
    expect((await log.read(0, size * 3)).records.length).toBe(size * 3);
    expect(splitBatches((await log.read(0, 1 << 20)).records).batches).toHaveLength(5);
    await log.close();
  });

  it('returns HW and log start with reads, empty at the HW, out of range beyond it', async () => {
    const log = await harness().open();
    await log.append(namedBatch('a', 2));
    const atHw = await log.read(2, 100);
    expect(atHw).toEqual({ records: Buffer.alloc(0), highWatermark: 2, logStartIndex: 0 });
    const err = await expectCode(log.read(3, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    expect(err).toMatchObject({ context: { logStartIndex: 0, highWatermark: 2, index: 3 } });
    await expectCode(log.read(-1, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    await expectCode(log.read(0.5, 100), 'SPS_ERR_INVALID_ARGUMENT');
    await log.close();
  });

  it('rejects invalid record sets without appending anything', async () => {
    const log = await harness({ config: streamConfig({ maxBatchBytes: 200 }) }).open();
    const good = namedBatch('g', 1);
    const corrupt = Buffer.from(good);
    corrupt[corrupt.length - 1]! ^= 1;
    await expectCode(log.append(corrupt), 'SPS_ERR_CORRUPT_BATCH');
    await expectCode(
      log.append(Buffer.concat([good, good.subarray(0, 20)])),
      'SPS_ERR_CORRUPT_BATCH',
    );
    await expectCode(log.append(namedBatch('big', 20)), 'SPS_ERR_BATCH_TOO_LARGE');
    await expectCode(log.append(Buffer.alloc(0)), 'SPS_ERR_INVALID_ARGUMENT');
    const control = Buffer.from(good);
    control.writeInt16BE(0x20, 21); // attributes: control bit (CRC now wrong, so fix it)
    control.writeUInt32BE(crc32c(control.subarray(21)), 17);
    await expectCode(log.append(control), 'SPS_ERR_INVALID_ARGUMENT');
    const badDelta = Buffer.from(namedBatch('d', 2));
    badDelta.writeInt32BE(5, 23);
    badDelta.writeUInt32BE(crc32c(badDelta.subarray(21)), 17);
    await expectCode(log.append(badDelta), 'SPS_ERR_CORRUPT_BATCH');
    expect(log.highWatermark).toBe(0);
    await log.append(good);
    expect(log.highWatermark).toBe(1);
    await log.close();
  });

  it('appends a record set of several batches as one unit', async () => {
    const log = await harness().open();
    const r = await log.append(Buffer.concat([namedBatch('a', 2), namedBatch('b', 3)]));
    expect(r).toMatchObject({ baseIndex: 0, lastIndex: 4 });
    expect(values(await readAll(log))).toEqual(['a-0', 'a-1', 'b-0', 'b-1', 'b-2']);
    await log.close();
  });

  it('rolls segments by size, never splitting a record set', async () => {
    const h = harness({ config: streamConfig({ segmentBytes: 500 }) });
    const log = await h.open();
    const one = namedBatch('x', 2).length;
    const perSegment = Math.floor(500 / one);
    for (let i = 0; i < perSegment * 3; i++) await log.append(namedBatch(`s${i}`, 2));
    const logs = await segmentFiles(h.storage);
    expect(logs).toHaveLength(3);
    expect(logs[1]).toBe(`${String(perSegment * 2).padStart(20, '0')}.log`);
    for (const name of logs)
      expect(h.storage.peek(`${DIR}/${name}`)!.length).toBeLessThanOrEqual(500);
    // Sealed segments have index files; the active one only in memory until a checkpoint.
    expect(await segmentFiles(h.storage, '.index')).toHaveLength(2);
    expect(await segmentFiles(h.storage, '.timeindex')).toHaveLength(2);
    expect(values(await readAll(log))).toHaveLength(perSegment * 3 * 2);
    await log.close();
  });

  it('rolls segments by age measured from the first append (segment.ms)', async () => {
    const h = harness({ config: streamConfig({ segmentMs: 60_000 }) });
    const log = await h.open();
    await log.append(namedBatch('a', 1));
    h.clock.advance(59_999);
    await log.append(namedBatch('b', 1));
    expect(await segmentFiles(h.storage)).toHaveLength(1);
    h.clock.advance(1);
    await log.append(namedBatch('c', 1));
    expect(await segmentFiles(h.storage)).toEqual([
      '00000000000000000000.log',
      '00000000000000000002.log',
    ]);
    h.clock.advance(30_000);
    await log.append(namedBatch('d', 1));
    expect(await segmentFiles(h.storage)).toHaveLength(2);
    expect(values(await readAll(log))).toEqual(['a-0', 'b-0', 'c-0', 'd-0']);
    await log.close();
  });

  it('notifies onAppend listeners when the HW advances, until unsubscribed', async () => {
    const log = await harness().open();
    let calls = 0;
    const off = log.onAppend(() => {
      calls++;
      throw new Error('a bad listener does not break appends');
    });
    await log.append(namedBatch('a', 1));
    expect(calls).toBe(1);
    off();
    await log.append(namedBatch('b', 1));
    expect(calls).toBe(1);
    await log.close();
  });

  it('reports size in bytes across segments', async () => {
    const log = await harness({ config: streamConfig({ segmentBytes: 300 }) }).open();
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const b = namedBatch(`z${i}`, 2);
      total += b.length;
      await log.append(b);
    }
    expect(log.sizeBytes).toBe(total);
    await log.close();
  });
});

describe('partition log: readBefore', () => {
  it('walks the whole log backwards, batch by batch and in bigger steps', async () => {
    const log = await harness({
      indexIntervalBytes: 100,
      config: streamConfig({ segmentBytes: 700 }),
    }).open();
    for (let i = 0; i < 40; i++) await log.append(namedBatch(`w${i}`, (i % 3) + 1));
    const forward = values(await readAll(log));
    for (const maxBytes of [1, 250, 1000, 1 << 20]) {
      const backward: string[][] = [];
      let before = log.highWatermark;
      for (;;) {
        const { records } = await log.readBefore(before, maxBytes);
        if (records.length === 0) break;
        const got = recordsOf(records);
        expect(got[got.length - 1]!.index).toBe(before - 1);
        backward.unshift(values(got));
        before = got[0]!.index;
      }
      expect(before).toBe(0);
      expect(backward.flat()).toEqual(forward);
    }
    await log.close();
  });

  it('returns only batches that end before the index, closest first within maxBytes', async () => {
    const log = await harness().open();
    await log.append(namedBatch('a', 3)); // 0..2
    await log.append(namedBatch('b', 3)); // 3..5
    await log.append(namedBatch('c', 3)); // 6..8
    expect(values(recordsOf((await log.readBefore(7, 1)).records))).toEqual(['b-0', 'b-1', 'b-2']);
    expect(values(recordsOf((await log.readBefore(6, 1)).records))).toEqual(['b-0', 'b-1', 'b-2']);
    expect(recordsOf((await log.readBefore(6, 1 << 20)).records)).toHaveLength(6);
    expect((await log.readBefore(2, 100)).records.length).toBe(0);
    expect((await log.readBefore(0, 100)).records.length).toBe(0);
    await expectCode(log.readBefore(10, 100), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    await log.close();
  });
});

describe('partition log: indexForTimestamp', () => {
  it('finds the first record at or after a time, exactly inside a batch (uncompressed and gzip)', async () => {
    const log = await harness({
      config: streamConfig({ segmentBytes: 400 }),
      indexIntervalBytes: 80,
    }).open();
    // Timestamps rise by 10 per record, with one batch out of order to exercise the time index.
    let ts = T0;
    const stamps: number[] = [];
    for (let i = 0; i < 30; i++) {
      const n = 3;
      const t = Array.from({ length: n }, (_, k) => (i === 12 ? T0 + 5 + k : ts + k * 10));
      if (i !== 12) ts += n * 10;
      stamps.push(...t);
      await log.append(
        batch(
          ['x', 'y', 'z'].map((v) => `${v}${i}`),
          { timestamps: t, compression: i % 2 === 0 ? Compression.None : Compression.Gzip },
        ),
      );
    }
    for (const target of [T0 - 1, T0, T0 + 1, T0 + 15, T0 + 333, T0 + 600, ts - 10, ts - 19]) {
      const want = stamps.findIndex((t) => t >= target);
      const got = await log.indexForTimestamp(target);
      expect(got, `target ${target - T0}`).toEqual({ index: want, timestamp: stamps[want] });
    }
    expect(await log.indexForTimestamp(ts - 9)).toBeNull();
    await log.close();
  });

  it('never answers below the log start', async () => {
    const log = await harness().open();
    await log.append(batch(['a', 'b', 'c', 'd'], { timestamps: [T0, T0 + 1, T0 + 2, T0 + 3] }));
    await log.deleteRecordsBefore(2);
    expect(await log.indexForTimestamp(T0)).toEqual({ index: 2, timestamp: T0 + 2 });
    await log.close();
  });
});
