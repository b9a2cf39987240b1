// kafkajs 2.2.4 consumers against the SPS broker: seek, pause/resume and manual commits; and
// a consumer group whose membership grows from 1 to 4 and shrinks back while a producer keeps
// producing — every record is handled at least once, and within one generation no partition
// is owned by two members.
import { type Consumer, type EachMessagePayload, type LogEntry, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { brokerHarness, errorsIn, type TestBroker, waitUntil } from './helpers/broker-harness';

const start = brokerHarness();

async function fill(broker: TestBroker, topic: string, partitions: number, count: number) {
  const client = broker.kafka();
  const admin = await client.admin();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] });
  const producer = await client.producer();
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ value: `r${i}`, partition: 0 })),
  });
  return { client, admin, producer };
}

describe('kafkajs consumer: seek, pause/resume, commitOffsets', () => {
  it('seek moves the next fetch to the given offset', async () => {
    const broker = await start();
    const { client } = await fill(broker, 'seekable', 1, 30);
    const consumer = await client.consumer({ groupId: 'seeker' });
    await consumer.subscribe({ topic: 'seekable', fromBeginning: true });
    const offsets: number[] = [];
    let sought = false;
    await consumer.run({
      eachMessage: ({ message }) => {
        offsets.push(Number(message.offset));
        if (Number(message.offset) === 4 && !sought) {
          sought = true;
          consumer.seek({ topic: 'seekable', partition: 0, offset: '25' });
        }
        return Promise.resolve();
      },
    });
    await waitUntil(() => offsets.includes(29), 'offset 29');
    // The batch in hand may finish first (kafkajs drops the rest of it after a seek); what
    // matters is that the next fetch starts at 25, skipping everything in between.
    const after = offsets.slice(offsets.indexOf(4) + 1);
    expect(after.filter((o) => o < 25)).toEqual([]);
    expect(after).toEqual([25, 26, 27, 28, 29]);
  });

  it('pause stops delivery while fetches go on; resume delivers what arrived meanwhile', async () => {
    const broker = await start();
    const { client, producer } = await fill(broker, 'pausable', 1, 1);
    const consumer = await client.consumer({ groupId: 'pauser' });
    await consumer.subscribe({ topic: 'pausable', fromBeginning: true });
    const seen: string[] = [];
    let fetches = 0;
    consumer.on(consumer.events.FETCH, () => void fetches++);
    await consumer.run({
      eachMessage: ({ message }) => Promise.resolve(void seen.push(message.value!.toString())),
    });
    await waitUntil(() => seen.length === 1, 'the first record');
    consumer.pause([{ topic: 'pausable' }]);
    await producer.send({ topic: 'pausable', messages: [{ value: 'while-paused' }] });
    const before = fetches;
    await waitUntil(() => fetches >= before + 4, 'four fetch rounds while paused');
    expect(seen).toEqual(['r0']);
    expect(consumer.paused()).toEqual([{ topic: 'pausable', partitions: [0] }]);
    consumer.resume([{ topic: 'pausable' }]);
    await waitUntil(() => seen.length === 2, 'the record produced while paused');
    expect(seen).toEqual(['r0', 'while-paused']);
  });

  it('commitOffsets (autoCommit off) is what the group resumes from, and what admin reports', async () => {
    const broker = await start();
    const { client, admin } = await fill(broker, 'committed', 1, 20);
    const first = await client.consumer({ groupId: 'manual' });
    await first.subscribe({ topic: 'committed', fromBeginning: true });
    const seen: number[] = [];
    await first.run({
      autoCommit: false,
      eachMessage: ({ message }) => Promise.resolve(void seen.push(Number(message.offset))),
    });
    await waitUntil(() => seen.length === 20, 'all 20 records');
    await first.commitOffsets([{ topic: 'committed', partition: 0, offset: '15' }]);
    await first.disconnect();
    expect(await admin.fetchOffsets({ groupId: 'manual', topics: ['committed'] })).toEqual([
      { topic: 'committed', partitions: [{ partition: 0, offset: '15', metadata: null }] },
    ]);

    const second = await client.consumer({ groupId: 'manual' });
    await second.subscribe({ topic: 'committed', fromBeginning: true });
    const resumed: number[] = [];
    await second.run({
      eachMessage: ({ message }) => Promise.resolve(void resumed.push(Number(message.offset))),
    });
    await waitUntil(() => resumed.length === 5, 'the 5 uncommitted records');
    expect(resumed).toEqual([15, 16, 17, 18, 19]);
  });
});

const REBALANCING = 'The group is rebalancing, so a rejoin is needed';

interface Ownership {
  generation: number;
  memberId: string;
  partitions: number[];
}

describe('kafkajs consumer group: members join and leave while a producer produces', () => {
  it(
    '1 → 4 → 1 members: every record handled, no partition owned twice in a generation',
    { timeout: 120_000 },
    async () => {
      const broker = await start();
      const topic = 'churn';
      const producerClient = broker.kafka();
      const admin = await producerClient.admin();
      await admin.createTopics({ topics: [{ topic, numPartitions: 6 }] });
      const producer = await producerClient.producer();

      // Background producer: 5 keyed records every ~20 ms until stopped.
      const produced: string[] = [];
      let producing = true;
      const producing$ = (async () => {
        for (let n = 0; producing; n++) {
          const batch = Array.from({ length: 5 }, (_, i) => ({
            key: `key-${(n * 5 + i) % 31}`,
            value: `v${n * 5 + i}`,
          }));
          await producer.send({ topic, messages: batch });
          produced.push(...batch.map((m) => m.value));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      const handled = new Set<string>();
      const ownership: Ownership[] = [];
      const errors: string[] = [];
      let rebalanceSignals = 0;
      const members: Array<{ consumer: Consumer; handled: () => number }> = [];

      const addMember = async (): Promise<void> => {
        let generation = -1;
        let count = 0;
        const logCreator = () => (entry: LogEntry) => {
          if (entry.log.message === 'Received assignment')
            generation = Number(entry.log['generationId']);
          // kafkajs logs every error response at ERROR, including the REBALANCE_IN_PROGRESS a
          // coordinator answers heartbeats with to make members rejoin: that one is the
          // protocol working; anything else is a failure.
          if (entry.level !== logLevel.ERROR) return;
          if (entry.log['error'] === REBALANCING) rebalanceSignals++;
          else errors.push(`${entry.log.message}: ${String(entry.log['error'])}`);
        };
        const client = broker.kafka({ logLevel: logLevel.DEBUG, logCreator });
        const consumer = await client.consumer({ groupId: 'churners' });
        consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
          ownership.push({
            generation,
            memberId: payload.memberId,
            partitions: payload.memberAssignment[topic] ?? [],
          });
        });
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: ({ message }: EachMessagePayload) => {
            handled.add(message.value!.toString());
            count++;
            return Promise.resolve();
          },
        });
        members.push({ consumer, handled: () => count });
      };

      /** Waits until the group is Stable with `n` members and every member handles new records. */
      const settled = async (n: number): Promise<void> => {
        await waitUntil(async () => {
          const { groups } = await admin.describeGroups(['churners']);
          return groups[0]?.state === 'Stable' && groups[0].members.length === n;
        }, `a Stable group of ${n}`);
        const progress = members.map((m) => m.handled());
        const total = handled.size;
        await waitUntil(() => handled.size > total + 50, 'records flowing after the rebalance');
        // With 6 partitions and up to 4 members, every member owns at least one partition.
        await waitUntil(
          () => members.every((m, i) => m.handled() > progress[i]!),
          'every member handling records',
        );
      };

      for (let n = 1; n <= 4; n++) {
        await addMember();
        await settled(n);
      }
      for (let n = 3; n >= 1; n--) {
        await members.pop()!.consumer.disconnect();
        await settled(n);
      }
      producing = false;
      await producing$;
      await waitUntil(
        () => produced.every((v) => handled.has(v)),
        `all ${produced.length} records handled`,
        60_000,
      );

      expect(produced.length).toBeGreaterThan(100);
      expect(errors).toEqual([]);
      expect(rebalanceSignals).toBeGreaterThan(0);
      expect(errorsIn(producerClient.logs)).toEqual([]);
      const generations = new Map<number, Ownership[]>();
      for (const o of ownership)
        generations.set(o.generation, [...(generations.get(o.generation) ?? []), o]);
      expect(generations.size).toBeGreaterThanOrEqual(7);
      for (const [generation, owners] of generations) {
        const owned = owners.flatMap((o) => o.partitions);
        expect(new Set(owned).size, `generation ${generation}: ${JSON.stringify(owners)}`).toBe(
          owned.length,
        );
      }
      // The final generation (one member) owns all six partitions.
      const last = Math.max(...generations.keys());
      expect(
        generations
          .get(last)!
          .flatMap((o) => o.partitions)
          .sort(),
      ).toEqual([0, 1, 2, 3, 4, 5]);
    },
  );
});
