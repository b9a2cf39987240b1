// The embedded producer's placement, compression and idempotence, checked against the engine.
import {
  hasSpsCode,
  partitionForKey,
  splitBatches,
  compressionOf,
  readBatchHeader,
  Compression,
} from '@shopstream/sps-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngineFixture, type EngineFixture } from './__tests__/engine-fixture';

let f: EngineFixture;
beforeEach(async () => {
  f = await openEngineFixture();
  await f.client.admin().createStream('orders', { partitions: 3 });
});
afterEach(() => f.close());

describe('embedded producer', () => {
  it('keeps the keyless records of one send together and moves on with the next send', async () => {
    const producer = f.client.producer();
    const first = await producer.send('orders', [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const second = await producer.send('orders', [{ value: 'd' }]);
    expect(new Set(first.map((r) => r.partition)).size).toBe(1);
    expect(second[0]!.partition).toBe((first[0]!.partition + 1) % 3);
  });

  it('places keys by murmur2 and honours an explicit partition, refusing one that does not exist', async () => {
    const producer = f.client.producer();
    const [keyed, pinned] = await producer.send('orders', [
      { key: 'ord_42', value: 'x' },
      { key: 'ord_42', value: 'y', partition: 2 },
    ]);
    expect(keyed!.partition).toBe(partitionForKey('ord_42', 3));
    expect(pinned!.partition).toBe(2);
    const refused = await producer
      .send('orders', [{ value: 'z', partition: 3 }])
      .catch((e: unknown) => e);
    expect(hasSpsCode(refused, 'SPS_ERR_UNKNOWN_PARTITION')).toBe(true);
  });

  it('writes gzip batches when asked, which read back unchanged', async () => {
    const producer = f.client.producer({ compression: 'gzip' });
    const [placed] = await producer.send('orders', [
      { key: 'ord_1', value: 'x'.repeat(2_000), headers: { 'event-type': 'order.placed' } },
    ]);
    const fetched = await f.engine.fetch(
      [{ stream: 'orders', partition: placed!.partition, index: 0, maxBytes: 1 << 20 }],
      {},
    );
    const [batch] = splitBatches(fetched[0]!.records).batches;
    expect(compressionOf(readBatchHeader(batch!))).toBe(Compression.Gzip);
    expect(batch!.length).toBeLessThan(500);
    const [read] = await f.client
      .admin()
      .read('orders', placed!.partition, { from: placed!.index });
    expect(read!.value!.toString()).toBe('x'.repeat(2_000));
    expect(read!.headers.find((h) => h.key === 'event-type')?.value?.toString()).toBe(
      'order.placed',
    );
  });

  it('numbers its batches per partition, so concurrent sends are all stored, in order, once', async () => {
    const producer = f.client.producer();
    const sends = Array.from({ length: 20 }, (_, i) =>
      producer.send('orders', [{ value: `v${i}`, partition: 1 }]),
    );
    const placed = (await Promise.all(sends)).flat();
    expect(placed.map((p) => p.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const read = await f.client.admin().read('orders', 1, { from: 0, limit: 100 });
    expect(read.map((r) => r.value!.toString())).toEqual(
      Array.from({ length: 20 }, (_, i) => `v${i}`),
    );
  });
});
