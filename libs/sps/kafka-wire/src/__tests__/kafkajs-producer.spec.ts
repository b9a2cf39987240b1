// kafkajs 2.2.4 producers against the SPS broker: every acks mode (acks=0 checked by
// consuming, since it gets no answer), gzip batches stored as sent, and the idempotent
// producer under injected retries — a proxy loses or delays Produce responses of batches the
// broker already stored, kafkajs resends the same sequence, and nothing is duplicated.
import { readBatchHeader, splitBatches, compressionOf, Compression } from '@shopstream/sps-core';
import { CompressionTypes, type Message } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import {
  brokerHarness,
  errorsIn,
  type TestBroker,
  type TestKafka,
  waitUntil,
} from './helpers/broker-harness';
import { type Fault, FaultProxy } from './helpers/fault-proxy';

const start = brokerHarness();
let proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  proxies = [];
});

const messages = (prefix: string, n: number): Message[] =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i % 7}`, value: `${prefix}-${i}` }));

/** Consumes `topic` from the beginning with a fresh group until `count` records arrived. */
async function consumeAll(client: TestKafka, topic: string, count: number): Promise<string[]> {
  const values: string[] = [];
  const consumer = await client.consumer({ groupId: `check-${topic}-${Math.random()}` });
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => Promise.resolve(void values.push(message.value!.toString())),
  });
  await waitUntil(
    () => values.length >= count,
    `${count} records on ${topic} (have ${values.length})`,
  );
  await consumer.disconnect();
  return values;
}

describe('kafkajs producer', () => {
  it.each([
    { acks: -1, topic: 'acks-all' },
    { acks: 1, topic: 'acks-leader' },
    { acks: 0, topic: 'acks-none' },
  ])('$topic: every record arrives, each key in send order', async ({ acks, topic }) => {
    const broker = await start();
    const client = broker.kafka();
    const admin = await client.admin();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    const producer = await client.producer();
    for (let i = 0; i < 5; i++) {
      const result = await producer.send({ topic, acks, messages: messages(`b${i}`, 20) });
      if (acks === 0) expect(result).toEqual([]);
      else expect(result.every((r) => r.errorCode === 0)).toBe(true);
    }
    const values = await consumeAll(client, topic, 100);
    expect([...values].sort()).toEqual(
      Array.from({ length: 5 }, (_, b) => Array.from({ length: 20 }, (_, i) => `b${b}-${i}`))
        .flat()
        .sort(),
    );
    // Same key → same partition (kafkajs DefaultPartitioner = Java murmur2) → send order.
    const byKey = new Map<number, number[]>();
    for (const v of values) {
      const [, b, i] = /^b(\d+)-(\d+)$/.exec(v)!.map(Number) as [number, number, number];
      byKey.set(i % 7, [...(byKey.get(i % 7) ?? []), b * 100 + i]);
    }
    for (const sequence of byKey.values())
      expect(sequence).toEqual([...sequence].sort((x, y) => x - y));
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(100);
    expect(errorsIn(client.logs)).toEqual([]);
  });

  it('gzip: batches are stored compressed as sent and consumed intact', async () => {
    const broker = await start();
    const client = broker.kafka();
    const producer = await client.producer();
    await producer.send({
      topic: 'zipped',
      compression: CompressionTypes.GZIP,
      messages: messages('z', 50),
    });
    const [stored] = await broker.engine.fetch([
      { stream: 'zipped', partition: 0, index: 0, maxBytes: 1 << 20 },
    ]);
    const batches = splitBatches(stored!.records).batches;
    expect(batches.map((b) => compressionOf(readBatchHeader(b)))).toEqual([Compression.Gzip]);
    expect((await consumeAll(client, 'zipped', 50)).sort()).toEqual(
      messages('z', 50)
        .map((m) => String(m.value))
        .sort(),
    );
  });
});

describe('kafkajs idempotent producer under injected retries', () => {
  /** A broker reached only through a proxy that faults Produce responses as `decide` says. */
  async function behindProxy(
    decide: (nth: number) => Fault,
  ): Promise<{ broker: TestBroker; proxy: FaultProxy }> {
    let target = { host: '127.0.0.1', port: 0 };
    const proxy = await FaultProxy.start(
      () => target,
      ({ apiKey, nth }) => (apiKey === ApiKey.Produce ? decide(nth) : 'pass'),
    );
    proxies.push(proxy);
    const broker = await start({ advertisedPort: proxy.port });
    target = { host: broker.host, port: broker.port };
    return { broker, proxy };
  }

  // Lose the 1st Produce response with the connection; delay the 4th past the request
  // timeout; lose the 7th again. Each time the batch is already stored.
  const decide = (nth: number): Fault =>
    nth === 1 || nth === 7 ? 'drop-and-close' : nth === 4 ? { delayMs: 1_500 } : 'pass';

  async function produceThroughFaults(idempotent: boolean) {
    const { broker, proxy } = await behindProxy(decide);
    const client = broker.kafka({
      requestTimeout: 1_000,
      retry: { retries: 10, initialRetryTime: 50 },
    });
    const admin = await client.admin();
    await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3 }] });
    const producer = await client.producer({ idempotent, maxInFlightRequests: 1 });
    const sent = [];
    for (let i = 0; i < 12; i++) {
      const batch = messages(`s${i}`, 10);
      await producer.send({ topic: 'payments', messages: batch });
      sent.push(...batch.map((m) => String(m.value)));
    }
    expect(proxy.faults.map((f) => f.nth)).toEqual([1, 4, 7]);
    const offsets = await admin.fetchTopicOffsets('payments');
    const stored = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    return { client, sent, stored };
  }

  it('idempotent: kafkajs resends the same sequence and the broker stores each batch once', async () => {
    const { client, sent, stored } = await produceThroughFaults(true);
    expect(stored).toBe(sent.length);
    const values = await consumeAll(client, 'payments', sent.length);
    expect(values.sort()).toEqual([...sent].sort());
  });

  it('control: without idempotence the same faults do duplicate (so the faults really cause resends)', async () => {
    const { sent, stored } = await produceThroughFaults(false);
    expect(stored).toBeGreaterThan(sent.length);
  });
});
