// kcat 1.7.1 / librdkafka 2.0.2 against the SPS broker (engine + handlers): metadata, produce
// (plain, idempotent, gzip), consume from the beginning / an offset / the end, and a balanced
// consumer group of two kcat processes that share the partitions, commit, and resume.
// CI installs kcat (tools/scripts/install-system-deps.sh); without it the suite is skipped.
import { Compression, compressionOf, readBatchHeader, splitBatches } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { brokerHarness, type TestBroker } from './helpers/broker-harness';
import { hasKcat, type KcatProcess, kcatRunner } from './helpers/kcat';

const start = brokerHarness();
const kcat = kcatRunner();

/** The stored batches of one partition, read straight from the engine. */
async function storedBatches(broker: TestBroker, topic: string, partition = 0) {
  const [result] = await broker.engine.fetch([
    { stream: topic, partition, index: 0, maxBytes: 1 << 20 },
  ]);
  return splitBatches(result!.records).batches.map((b) => readBatchHeader(b));
}

/** librdkafka sends a batch uncompressed when compression would not make it smaller. */
const compressible = (prefix: string) => `${prefix}-${'x'.repeat(200)}`;

const lines = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join('\n') + '\n';

describe.skipIf(!hasKcat())('kcat against the SPS broker', () => {
  it('-L -J: one broker at the advertised address, controller, topics with partitions', async () => {
    const broker = await start();
    await broker.engine.createStream('orders', { partitions: 3 });
    await broker.engine.createStream('audit', { partitions: 1 });
    const [json] = await kcat.run(['-L', '-J', '-b', broker.bootstrap]);
    const metadata = JSON.parse(json!) as {
      controllerid: number;
      brokers: Array<{ id: number; name: string }>;
      topics: Array<{
        topic: string;
        partitions: Array<{
          partition: number;
          leader: number;
          replicas: unknown[];
          isrs: unknown[];
        }>;
      }>;
    };
    expect(metadata.controllerid).toBe(0);
    expect(metadata.brokers).toEqual([{ id: 0, name: broker.bootstrap }]);
    const orders = metadata.topics.find((t) => t.topic === 'orders')!;
    expect(
      orders.partitions.map((p) => [p.partition, p.leader, p.replicas.length, p.isrs.length]),
    ).toEqual([
      [0, 0, 1, 1],
      [1, 0, 1, 1],
      [2, 0, 1, 1],
    ]);
    expect(metadata.topics.map((t) => t.topic).sort()).toEqual(['audit', 'orders']);
  });

  it('-P (plain, idempotent, gzip) then -C from the beginning, from an offset, and from the end', async () => {
    const broker = await start();
    await kcat.run(
      ['-P', '-b', broker.bootstrap, '-t', 'plain', '-K', ':'],
      'k1:v1\nk2:v2\nk3:v3\n',
    );
    await kcat.run(
      ['-P', '-b', broker.bootstrap, '-t', 'plain', '-X', 'enable.idempotence=true'],
      lines(4, 'idem'),
    );
    const zipped = [0, 1, 2].map((i) => compressible(`zip${i}`));
    await kcat.run(
      ['-P', '-b', broker.bootstrap, '-t', 'plain', '-z', 'gzip'],
      `${zipped.join('\n')}\n`,
    );
    const headers = await storedBatches(broker, 'plain');
    expect(headers.some((h) => h.producerId >= 0)).toBe(true); // the idempotent batch
    expect(headers.some((h) => compressionOf(h) === Compression.Gzip)).toBe(true);

    const everything = await kcat.run([
      '-C',
      '-b',
      broker.bootstrap,
      '-t',
      'plain',
      '-o',
      'beginning',
      '-e',
      '-f',
      '%o %k %s\n',
    ]);
    expect(everything).toEqual([
      '0 k1 v1',
      '1 k2 v2',
      '2 k3 v3',
      '3  idem0',
      '4  idem1',
      '5  idem2',
      '6  idem3',
      `7  ${zipped[0]}`,
      `8  ${zipped[1]}`,
      `9  ${zipped[2]}`,
    ]);
    // From offset 8: inside the gzip batch (offsets 7-9); the broker returns the whole batch
    // and librdkafka drops the records before the requested offset.
    expect(
      await kcat.run([
        '-C',
        '-b',
        broker.bootstrap,
        '-t',
        'plain',
        '-o',
        '8',
        '-e',
        '-f',
        '%o %s\n',
      ]),
    ).toEqual([`8 ${zipped[1]}`, `9 ${zipped[2]}`]);

    // From the end: nothing old, then exactly what is produced once it waits there.
    const tail = kcat.start([
      '-C',
      '-b',
      broker.bootstrap,
      '-t',
      'plain',
      '-p',
      '0',
      '-o',
      'end',
      '-c',
      '2',
      '-f',
      '%o %s\n',
    ]);
    await tail.waitFor(
      () => tail.stderr.some((l) => l.includes('Reached end of topic plain [0] at offset 10')),
      'kcat at the end',
    );
    await kcat.run(['-P', '-b', broker.bootstrap, '-t', 'plain'], 'new1\nnew2\n');
    expect(await tail.exited).toBe(0);
    expect(tail.stdout.filter((l) => l !== '')).toEqual(['10 new1', '11 new2']);
  });

  it('-G: two members share the partitions, commit, and a restarted group reads only new records', async () => {
    const broker = await start();
    await broker.engine.createStream('shared', { partitions: 4 });
    const member = (name: string, extra: string[] = []): KcatProcess =>
      kcat.start([
        '-b',
        broker.bootstrap,
        '-G',
        'kcat-group',
        '-X',
        'auto.offset.reset=earliest',
        '-X',
        'session.timeout.ms=6000',
        '-X',
        'heartbeat.interval.ms=300',
        '-X',
        `client.id=${name}`,
        '-u',
        '-f',
        '%p %o %s\n',
        ...extra,
        'shared',
      ]);
    const a = member('a');
    await a.waitFor(() => assigned(a).length === 4, 'member a owning all four partitions');
    const b = member('b');
    await b.waitFor(() => {
      const [pa, pb] = [assigned(a), assigned(b)];
      return (
        pa.length > 0 &&
        pb.length > 0 &&
        new Set([...pa, ...pb]).size === 4 &&
        pa.length + pb.length === 4
      );
    }, 'a and b sharing the four partitions');

    for (let p = 0; p < 4; p++)
      await kcat.run(
        ['-P', '-b', broker.bootstrap, '-t', 'shared', '-p', String(p)],
        lines(10, `p${p}-`),
      );
    const all = (k: KcatProcess) => k.stdout.filter((l) => l !== '');
    await b.waitFor(() => all(a).length + all(b).length >= 40, 'all 40 records between a and b');
    expect(all(a).length).toBeGreaterThan(0);
    expect(all(b).length).toBeGreaterThan(0);
    for (const [k, mine] of [
      [a, assigned(a)],
      [b, assigned(b)],
    ] as const) {
      for (const line of all(k)) expect(mine).toContain(Number(line.split(' ')[0]));
    }
    expect([...all(a), ...all(b)].map((l) => l.split(' ')[2]).sort()).toEqual(
      [0, 1, 2, 3].flatMap((p) => Array.from({ length: 10 }, (_, i) => `p${p}-${i}`)).sort(),
    );

    // A clean stop commits; the group resumes after the committed offsets.
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
    const committed = await broker.engine.coordinator.fetchOffsets({
      groupId: 'kcat-group',
      partitions: null,
    });
    expect(committed.map((c) => [c.partition, c.index]).sort()).toEqual([
      [0, 10],
      [1, 10],
      [2, 10],
      [3, 10],
    ]);
    for (let p = 0; p < 4; p++)
      await kcat.run(
        ['-P', '-b', broker.bootstrap, '-t', 'shared', '-p', String(p)],
        `late-${p}\n`,
      );
    const again = member('c', ['-e']);
    expect(await again.exited).toBe(0);
    expect(
      all(again)
        .map((l) => l.split(' ')[2])
        .sort(),
    ).toEqual(['late-0', 'late-1', 'late-2', 'late-3']);
  });
});

/** The partitions of `shared` a kcat member holds now, from its rebalance messages. */
function assigned(k: KcatProcess): number[] {
  let current: number[] = [];
  for (const line of k.stderr) {
    if (/rebalanced .*: revoked:/.test(line)) current = [];
    const match = /rebalanced .*: assigned: (.*)$/.exec(line);
    if (match) current = [...match[1]!.matchAll(/shared \[(\d+)\]/g)].map((m) => Number(m[1]));
  }
  return current.sort();
}
