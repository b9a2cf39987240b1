// The broker process across restarts, driven by kafkajs 2.2.4:
// - graceful: SIGTERM → exit 0; started again on the same data dir, every record is there,
//   the cluster id is the same, and a consumer group resumes at its committed offsets;
// - unclean: SIGKILL while a producer (acks=-1, fsync always) is producing; started again,
//   every acknowledged record is there, once, and the committed offsets survived.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { brokerProcesses } from './broker-process';

const spawnBroker = brokerProcesses();
let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  cleanups = [];
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sps-broker-app-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function client(bootstrap: string) {
  const kafka = new Kafka({
    clientId: 'restart-test',
    brokers: [bootstrap],
    logLevel: logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 100 },
  });
  const track = async <T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
    c: T,
  ) => {
    cleanups.push(() => c.disconnect());
    await c.connect();
    return c;
  };
  return {
    admin: () => track(kafka.admin()),
    producer: (retries = 5) =>
      track(
        kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries } }),
      ),
    /** Reads with a consumer in `groupId` until `count` records arrived; then leaves (commits). */
    async consume(groupId: string, topic: string, count: number): Promise<string[]> {
      const consumer = await track(
        kafka.consumer({
          groupId,
          sessionTimeout: 6_000,
          heartbeatInterval: 200,
          maxWaitTimeInMs: 250,
        }),
      );
      await consumer.subscribe({ topic, fromBeginning: true });
      const values: string[] = [];
      await consumer.run({
        eachMessage: ({ message }) => Promise.resolve(void values.push(message.value!.toString())),
      });
      const deadline = Date.now() + 30_000;
      while (values.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${values.length} of ${count} records in ${groupId}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      await consumer.disconnect();
      return values;
    },
  };
}

const args = (dir: string) => [
  '--port',
  '0',
  '--data-dir',
  dir,
  '--min-session-timeout-ms',
  '1000',
];

async function committedSum(
  admin: Awaited<ReturnType<ReturnType<typeof client>['admin']>>,
  groupId: string,
  topic: string,
) {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return offsets!.partitions.reduce((sum, p) => sum + Math.max(Number(p.offset), 0), 0);
}

describe('broker restarts', () => {
  it(
    'graceful: SIGTERM exits 0; after a restart records, cluster id and committed offsets are all there',
    { timeout: 90_000 },
    async () => {
      const dir = await dataDir();
      const first = spawnBroker(args(dir));
      const before = client(await first.ready());
      const admin = await before.admin();
      await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
      const producer = await before.producer();
      const early = Array.from({ length: 60 }, (_, i) => `early-${i}`);
      const late = Array.from({ length: 40 }, (_, i) => `late-${i}`);
      await producer.send({
        topic: 'orders',
        messages: early.map((value, i) => ({ key: `k${i}`, value })),
      });
      expect((await before.consume('billing', 'orders', 60)).sort()).toEqual([...early].sort());
      expect(await committedSum(admin, 'billing', 'orders')).toBe(60);
      await producer.send({
        topic: 'orders',
        messages: late.map((value, i) => ({ key: `k${i}`, value })),
      });
      const { clusterId } = await admin.describeCluster();

      first.proc.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      expect(first.logs().map((l) => l['msg'])).toEqual(
        expect.arrayContaining(['stopping', 'stopped cleanly']),
      );

      const second = spawnBroker(args(dir));
      const after = client(await second.ready());
      const admin2 = await after.admin();
      expect((await admin2.describeCluster()).clusterId).toBe(clusterId);
      const offsets = await admin2.fetchTopicOffsets('orders');
      expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(100);
      expect((await after.consume('auditors', 'orders', 100)).sort()).toEqual(
        [...early, ...late].sort(),
      );
      // The group resumes after its committed offsets: only the 40 produced later.
      expect((await after.consume('billing', 'orders', 40)).sort()).toEqual([...late].sort());
    },
  );

  it(
    'unclean: after SIGKILL mid-production every acknowledged record is there once, and commits survived',
    { timeout: 90_000 },
    async () => {
      const dir = await dataDir();
      const first = spawnBroker([...args(dir), '--fsync', 'always']);
      const before = client(await first.ready());
      const admin = await before.admin();
      await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3 }] });
      const producer: Producer = await before.producer(0);
      await producer.send({ topic: 'payments', messages: [{ key: 'seed', value: 'seed' }] });
      await before.consume('ledger', 'payments', 1);
      expect(await committedSum(admin, 'ledger', 'payments')).toBe(1);

      const acknowledged: string[] = [];
      let killed = false;
      const producing = (async () => {
        for (let n = 0; !killed; n++) {
          const batch = Array.from({ length: 10 }, (_, i) => ({
            key: `k${i}`,
            value: `v${n}-${i}`,
          }));
          try {
            await producer.send({ topic: 'payments', acks: -1, messages: batch });
          } catch {
            return; // the broker died under this send: it was never acknowledged
          }
          acknowledged.push(...batch.map((m) => m.value));
        }
      })();
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < 300 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5));
      killed = true;
      first.proc.kill('SIGKILL'); // while the loop has its next send in flight
      expect((await first.exited).signal).toBe('SIGKILL');
      await producing;
      expect(acknowledged.length).toBeGreaterThanOrEqual(300);

      const second = spawnBroker(args(dir));
      const after = client(await second.ready());
      const admin2 = await after.admin();
      const stored = (await admin2.fetchTopicOffsets('payments')).reduce(
        (sum, p) => sum + Number(p.high),
        0,
      );
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length + 1);
      const all = await after.consume('recovery-check', 'payments', stored);
      expect(new Set(all).size).toBe(all.length);
      const present = new Set(all);
      expect(acknowledged.filter((v) => !present.has(v))).toEqual([]);
      expect(await committedSum(admin2, 'ledger', 'payments')).toBe(1);
    },
  );

  it('refuses a bad configuration with exit code 2 and a message; --help exits 0', async () => {
    const bad = spawnBroker(['--fsync', 'sometimes']);
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr.join('\n')).toContain(
      '--fsync (SPS_BROKER_FSYNC) must be always, never or an interval in ms',
    );
    const badEnv = spawnBroker([], { SPS_BROKER_PORT: '70000' });
    expect((await badEnv.exited).code).toBe(2);
    const help = spawnBroker(['--help']);
    expect((await help.exited).code).toBe(0);
    expect(help.stdout.join('\n')).toContain('SPS_BROKER_SASL_USERS');
  });
});
