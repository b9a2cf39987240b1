import { encodeRecordBatch, hasSpsCode, partitionForKey } from '@shopstream/sps-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock';
import { MemoryStorage } from '../storage/memory-storage';
import { Engine } from './engine';

const v = (s: string): Buffer => Buffer.from(s);
let engine: Engine | undefined;

async function open(
  storage = new MemoryStorage(),
  clock = new ManualClock(1_000_000),
): Promise<Engine> {
  engine = await Engine.open({ dataDir: '/data', storage, clock, retentionCheckIntervalMs: 1000 });
  return engine;
}

afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function expectCode(
  promise: Promise<unknown> | (() => unknown),
  code: string,
): Promise<void> {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).toMatchObject({ code });
}

describe('Engine streams', () => {
  it('creates, lists, describes and deletes streams', async () => {
    const e = await open();
    await e.createStream('orders', { partitions: 3, config: { ttlMs: 60_000 } });
    await e.createStream('stock');
    expect(e.listStreams().map((s) => [s.name, s.partitions])).toEqual([
      ['orders', 3],
      ['stock', 1],
    ]);
    expect(e.describeStream('orders').config.ttlMs).toBe(60_000);
    expect(e.describePartitions('orders').map((p) => p.highWatermark)).toEqual([0, 0, 0]);
    await e.deleteStream('stock');
    expect(e.listStreams().map((s) => s.name)).toEqual(['orders']);
    await expectCode(() => e.describeStream('stock'), 'SPS_ERR_UNKNOWN_STREAM');
  });

  it('rejects bad names, counts, configs and duplicates with clear errors', async () => {
    const e = await open();
    await expectCode(e.createStream('bad name'), 'SPS_ERR_INVALID_STREAM_NAME');
    await expectCode(e.createStream('..'), 'SPS_ERR_INVALID_STREAM_NAME');
    await expectCode(e.createStream('x', { partitions: 0 }), 'SPS_ERR_INVALID_PARTITIONS');
    await expectCode(e.createStream('x', { partitions: 1.5 }), 'SPS_ERR_INVALID_PARTITIONS');
    await expectCode(e.createStream('x', { config: { ttlMs: -7 } }), 'SPS_ERR_INVALID_ARGUMENT');
    await e.createStream('x');
    await expectCode(e.createStream('x'), 'SPS_ERR_STREAM_EXISTS');
  });

  it('adds partitions but never removes them', async () => {
    const e = await open();
    await e.createStream('orders', { partitions: 2 });
    expect((await e.addPartitions('orders', 5)).partitions).toBe(5);
    await e.produce('orders', [{ value: v('x') }], { partition: 4 });
    expect(e.watermarks('orders', 4).highWatermark).toBe(1);
    await expectCode(e.addPartitions('orders', 3), 'SPS_ERR_PARTITIONS_CANNOT_SHRINK');
  });

  it('keeps streams, configs and records across a clean restart', async () => {
    const storage = new MemoryStorage();
    const e = await open(storage);
    await e.createStream('orders', { partitions: 2, config: { ttlMs: -1 } });
    await e.alterStreamConfig('orders', { retentionBytes: 1_000_000 });
    await e.produce('orders', [
      { key: v('a'), value: v('1') },
      { key: v('b'), value: v('2') },
    ]);
    await e.close();
    const again = await open(storage);
    expect(again.describeStream('orders').config).toMatchObject({
      ttlMs: -1,
      retentionBytes: 1_000_000,
    });
    const total = again.describePartitions('orders').reduce((n, p) => n + p.highWatermark, 0);
    expect(total).toBe(2);
  });

  it('auto-creates a stream on first use when allowed', async () => {
    const e = await open();
    const [r] = await e.produce('new-stream', [{ value: v('x') }]);
    expect(r).toMatchObject({ stream: 'new-stream', partition: 0, index: 0 });
  });
});

describe('Engine produce and read', () => {
  it('places keys like Kafka (murmur2) and keeps per-key order', async () => {
    const e = await open();
    await e.createStream('orders', { partitions: 6 });
    const results = await e.produce(
      'orders',
      Array.from({ length: 60 }, (_, i) => ({ key: v(`ord_${i % 10}`), value: v(String(i)) })),
    );
    for (const r of results) expect(r.partition).toBeGreaterThanOrEqual(0);
    for (let k = 0; k < 10; k++) {
      const partition = partitionForKey(`ord_${k}`, 6);
      const { records } = await e.readRecords('orders', partition, 0);
      const values = records
        .filter((r) => r.key?.toString() === `ord_${k}`)
        .map((r) => Number(r.value));
      expect(values).toEqual([k, k + 10, k + 20, k + 30, k + 40, k + 50]);
    }
  });

  it('serves a fetch that waits for an append (long poll) and wakes on it', async () => {
    const clock = new ManualClock(0);
    const e = await open(new MemoryStorage(), clock);
    await e.createStream('orders');
    const pending = e.fetch([{ stream: 'orders', partition: 0, index: 0, maxBytes: 1 << 20 }], {
      maxWaitMs: 5000,
    });
    await e.produce('orders', [{ value: v('late') }]);
    const [result] = await pending;
    expect(result!.records.length).toBeGreaterThan(0);
    expect(result!.highWatermark).toBe(1);
  });

  it('answers an empty long poll at the deadline', async () => {
    const clock = new ManualClock(0);
    const e = await open(new MemoryStorage(), clock);
    await e.createStream('orders');
    const pending = e.fetch([{ stream: 'orders', partition: 0, index: 0, maxBytes: 1 << 20 }], {
      maxWaitMs: 5000,
    });
    await new Promise((r) => setImmediate(r));
    clock.advance(5000);
    const [result] = await pending;
    expect(result!.records.length).toBe(0);
    expect(result!.error).toBeUndefined();
  });

  it('returns partition errors in the fetch result instead of throwing', async () => {
    const e = await open();
    await e.createStream('orders');
    await e.produce('orders', [{ value: v('x') }]);
    const results = await e.fetch([
      { stream: 'orders', partition: 0, index: 5, maxBytes: 100 },
      { stream: 'orders', partition: 9, index: 0, maxBytes: 100 },
      { stream: 'nope', partition: 0, index: 0, maxBytes: 100 },
    ]);
    expect(results.map((r) => r.error?.code)).toEqual([
      'SPS_ERR_INDEX_OUT_OF_RANGE',
      'SPS_ERR_UNKNOWN_PARTITION',
      'SPS_ERR_UNKNOWN_STREAM',
    ]);
  });

  it('reads a partition backwards from the newest record', async () => {
    const e = await open();
    await e.createStream('orders');
    for (let i = 0; i < 25; i++)
      await e.produce('orders', [{ value: v(String(i)) }, { value: v(`${i}b`) }]);
    const seen: string[] = [];
    for await (const r of e.readBackwards('orders', 0)) seen.push(r.value!.toString());
    expect(seen).toHaveLength(50);
    expect(seen.slice(0, 3)).toEqual(['24b', '24', '23b']);
    expect(seen.at(-1)).toBe('0');
  });

  it('reads backwards from an index inside a batch, starting with the older records of that batch', async () => {
    const e = await open();
    await e.createStream('orders');
    await e.produce('orders', [{ value: v('a0') }, { value: v('a1') }]);
    await e.produce(
      'orders',
      ['b2', 'b3', 'b4', 'b5', 'b6'].map((s) => ({ value: v(s) })),
    );
    const seen: string[] = [];
    for await (const r of e.readBackwards('orders', 0, { before: 5 }))
      seen.push(r.value!.toString());
    expect(seen).toEqual(['b4', 'b3', 'b2', 'a1', 'a0']);
  });

  it('appends client batches as they are and dedups an idempotent retry', async () => {
    const e = await open();
    await e.createStream('orders');
    const { producerId, producerEpoch } = await e.initProducerId();
    const batch = encodeRecordBatch([{ value: v('once') }], {
      producerId,
      producerEpoch,
      baseSequence: 0,
    });
    const first = await e.append('orders', 0, Buffer.from(batch));
    const retry = await e.append('orders', 0, Buffer.from(batch));
    expect(retry).toMatchObject({ baseIndex: first.baseIndex, duplicate: true });
    expect(e.watermarks('orders', 0).highWatermark).toBe(1);
  });

  it('never hands out a producer id twice, also across restarts', async () => {
    const storage = new MemoryStorage();
    const e = await open(storage);
    const a = await e.initProducerId();
    const b = await e.initProducerId();
    await e.close();
    const again = await open(storage);
    const c = await again.initProducerId();
    expect(new Set([a.producerId, b.producerId, c.producerId]).size).toBe(3);
  });

  it('finds the first index at or after a time', async () => {
    const e = await open();
    await e.createStream('orders');
    await e.produce('orders', [
      { value: v('a'), timestamp: 1000 },
      { value: v('b'), timestamp: 2000 },
      { value: v('c'), timestamp: 3000 },
    ]);
    expect(await e.indexForTimestamp('orders', 0, 1500)).toEqual({ index: 1, timestamp: 2000 });
    expect(await e.indexForTimestamp('orders', 0, 9999)).toBeNull();
  });

  it('refuses work after close', async () => {
    const e = await open();
    await e.close();
    await expectCode(e.createStream('x'), 'SPS_ERR_ENGINE_CLOSED');
    expect(
      hasSpsCode(
        await e.produce('x', [{ value: null }]).catch((err: unknown) => err),
        'SPS_ERR_ENGINE_CLOSED',
      ),
    ).toBe(true);
  });
});

describe('Engine retention', () => {
  it('deletes records past their TTL on its own timer and reports the new log start', async () => {
    const clock = new ManualClock(1_000_000);
    const e = await open(new MemoryStorage(), clock);
    await e.createStream('orders', { config: { ttlMs: 10_000, segmentBytes: 1024 } });
    for (let i = 0; i < 20; i++)
      await e.produce('orders', [{ value: Buffer.alloc(200, i), timestamp: clock.now() }]);
    expect(e.watermarks('orders', 0)).toEqual({ logStartIndex: 0, highWatermark: 20 });
    clock.advance(60_000); // past the TTL; the engine's retention timer (1 s here) fires
    await vi.waitFor(() => expect(e.watermarks('orders', 0).logStartIndex).toBe(20));
    await expectCode(e.readRecords('orders', 0, 0), 'SPS_ERR_INDEX_OUT_OF_RANGE');
    await e.produce('orders', [{ value: v('fresh'), timestamp: clock.now() }]);
    const { records } = await e.readRecords('orders', 0, 20);
    expect(records.map((r) => r.value?.toString())).toEqual(['fresh']);
  });
});
