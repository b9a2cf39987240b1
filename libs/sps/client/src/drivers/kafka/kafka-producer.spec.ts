// The kafka producer: placement agrees with sps-core's partitionForKey (explicit, keyed,
// keyless) and is stable across kafkajs retries; per-record indexes in input order; gzip;
// headers as documented in kafka-records.ts.
import {
  Compression,
  compressionOf,
  partitionForKey,
  readBatchHeader,
  splitBatches,
} from '@shopstream/sps-core';
import { type Message, type PartitionMetadata } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerFixture, openBrokerFixture } from './__tests__/broker-fixture';
import { SpsPartitioner } from './kafka-producer';

const metadata = (count: number): PartitionMetadata[] =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
    offlineReplicas: [],
  }));

describe('SpsPartitioner', () => {
  const place = (p: SpsPartitioner, message: Message, partitions: number) =>
    p.partition({ topic: 'orders', partitionMetadata: metadata(partitions), message });

  it('places keyed records as sps-core partitionForKey (Java murmur2), strings and bytes alike', () => {
    const p = new SpsPartitioner();
    for (const count of [1, 2, 3, 4, 5, 7, 12]) {
      for (let i = 0; i < 100; i++) {
        const key = `ord_${i}`;
        expect(place(p, { key, value: 'v' }, count)).toBe(partitionForKey(key, count));
        expect(place(p, { key: Buffer.from(key), value: 'v' }, count)).toBe(
          partitionForKey(key, count),
        );
      }
    }
  });

  it('keeps an explicit partition, and refuses one the stream does not have', () => {
    const p = new SpsPartitioner();
    expect(place(p, { key: 'ord_1', value: 'v', partition: 2 }, 3)).toBe(2);
    expect(() => place(p, { value: 'v', partition: 3 }, 3)).toThrow(
      expect.objectContaining({ code: 'SPS_ERR_UNKNOWN_PARTITION' }),
    );
  });

  it('puts the keyless records of one send on one partition and moves on with the next send', () => {
    const p = new SpsPartitioner();
    const send = () =>
      p
        .oneSend(Array.from({ length: 5 }, (): Message => ({ value: 'v' })))
        .map((m) => place(p, m, 3));
    const first = send();
    expect(new Set(first).size).toBe(1);
    const seen = new Set([first[0], send()[0], send()[0]]);
    expect(seen.size).toBe(3); // round-robin over the 3 partitions
  });

  it('answers the first placement again when kafkajs retries (its own round-robin would not)', () => {
    const p = new SpsPartitioner();
    const message: Message = { value: 'keyless' };
    const first = place(p, message, 4);
    for (let retry = 0; retry < 5; retry++) expect(place(p, message, 4)).toBe(first);
    expect(p.partitionOf(message)).toBe(first);
  });
});

describe('kafka producer', () => {
  let f: BrokerFixture;
  beforeAll(async () => {
    f = await openBrokerFixture();
  });
  afterAll(() => f.close());

  it('answers each record index in input order, across partitions', async () => {
    await f.client.admin().createStream('mixed', { partitions: 3 });
    const records = [
      { key: 'ord_1', value: 'k1' },
      { value: 'p2-a', partition: 2 },
      { key: 'ord_2', value: 'k2' },
      { value: 'p2-b', partition: 2 },
      { key: 'ord_1', value: 'k1-again' },
    ];
    const placed = await f.client.producer().send('mixed', records);
    expect(placed.map((p) => p.partition)).toEqual([
      partitionForKey('ord_1', 3),
      2,
      partitionForKey('ord_2', 3),
      2,
      partitionForKey('ord_1', 3),
    ]);
    for (const [i, p] of placed.entries()) {
      const [stored] = await f.client
        .admin()
        .read('mixed', p.partition, { from: p.index, limit: 1 });
      expect(stored!.value!.toString()).toBe(records[i]!.value);
    }
  });

  it('sends gzip batches that the broker stores compressed and consumers read intact', async () => {
    await f.client.admin().createStream('zipped', { partitions: 1 });
    const values = Array.from({ length: 20 }, (_, i) => `order-${i}`.repeat(20));
    await f.client.producer({ compression: 'gzip' }).send(
      'zipped',
      values.map((value) => ({ value })),
    );
    const [fetched] = await f.broker.engine.fetch([
      { stream: 'zipped', partition: 0, index: 0, maxBytes: 1 << 20 },
    ]);
    const batches = splitBatches(fetched!.records).batches;
    expect(batches.map((b) => compressionOf(readBatchHeader(b)))).toEqual([Compression.Gzip]);
    const read = await f.client.admin().read('zipped', 0, { from: 0, limit: 100 });
    expect(read.map((m) => m.value!.toString())).toEqual(values);
  });

  it('keeps headers in order; repeated names are grouped and null values sent empty (kafkajs)', async () => {
    await f.client.admin().createStream('headed', { partitions: 1 });
    await f.client.producer().send('headed', [
      {
        value: 'v',
        headers: [
          { key: 'a', value: Buffer.from('1') },
          { key: 'b', value: null },
          { key: 'a', value: Buffer.from('2') },
          {
            key: 'traceparent',
            value: Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'),
          },
        ],
      },
    ]);
    const [m] = await f.client.admin().read('headed', 0, { from: 0 });
    expect(m!.headers.map((h) => [h.key, h.value?.toString() ?? null])).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['b', ''],
      ['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
    ]);
  });

  it('refuses a partition the stream lacks at once, and sends nothing after close', async () => {
    await f.client.admin().createStream('small', { partitions: 2 });
    const producer = f.client.producer();
    await expect(producer.send('small', [{ value: 'x', partition: 5 }])).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_PARTITION',
    });
    await producer.close();
    await expect(producer.send('small', [{ value: 'x' }])).rejects.toMatchObject({
      code: 'SPS_ERR_ENGINE_CLOSED',
    });
  });
});
