/**
 * `npm run bench:wire` — kafkajs 2.2.4 producing and consuming 1 KiB records through the Kafka
 * wire protocol: against the SPS broker (engine + handlers, fsync 'always' and 'never') and,
 * in the same run, against a null broker (bench/null-broker.ts: our KafkaServer answering
 * Produce without storing and Fetch from a pre-built batch). The null broker costs only the
 * client, the codecs and the server framework, so `vsNull` shows how much of the time is the
 * broker's own (goal: >= 0.8).
 *
 * Produce: one kafkajs producer, acks -1, each request carrying `batch` records for every
 * partition (1 or 6), the next sent when the previous is acknowledged; records/s over
 * BENCH_SECONDS.
 * Consume: a fresh kafkajs consumer group reads CONSUME_RECORDS records from the beginning of
 * a topic holding them in batches of `batch` records (filled through `engine.append` with
 * concurrent appends, so even fsync 'always' fills fast; the null broker serves batches of
 * the same size); records/s from the group join to the last record.
 * Prints a table and writes bench/results/wire.json.
 * Environment: BENCH_SECONDS (produce time per case, default 3), BENCH_DIR (default: temp dir).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch } from '@shopstream/sps-core';
import { type Broker, silentLogger, startBroker } from '@shopstream/sps-kafka-wire';
import { Kafka, logLevel, type Message, Partitioners } from 'kafkajs';
import { startNullBroker } from './null-broker';
import { type Row, writeResults } from './report';

const RECORD_BYTES = 1024;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const CONSUME_RECORDS = 30_000;

const value = Buffer.alloc(RECORD_BYTES, 'x');

function client(bootstrap: string): Kafka {
  return new Kafka({ clientId: 'bench-wire', brokers: [bootstrap], logLevel: logLevel.NOTHING });
}

async function producePerSec(kafka: Kafka, batch: number, partitions: number): Promise<number> {
  const topic = `produce-${batch}-${partitions}`;
  const admin = kafka.admin();
  await admin.connect();
  // The null broker serves no CreateTopics: its Metadata answers every topic with `partitions`.
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }] }).catch(() => false);
  await admin.disconnect();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const messages: Message[] = Array.from({ length: partitions }, (_, partition) =>
    Array.from({ length: batch }, () => ({ partition, value })),
  ).flat();
  await producer.send({ topic, acks: -1, messages }); // warm-up: connections, metadata
  let produced = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  while (performance.now() < deadline) {
    await producer.send({ topic, acks: -1, messages });
    produced += messages.length;
  }
  const rate = produced / ((performance.now() - start) / 1000);
  await producer.disconnect();
  return rate;
}

/** Stores CONSUME_RECORDS records in batches of `batch`, spread evenly over the partitions. */
async function fill(broker: Broker, topic: string, batch: number, partitions: number) {
  await broker.engine.createStream(topic, { partitions });
  const encoded = encodeRecordBatch(Array.from({ length: batch }, () => ({ value })));
  const perPartition = CONSUME_RECORDS / partitions / batch;
  await Promise.all(
    Array.from({ length: partitions }, (_, p) =>
      Promise.all(
        Array.from({ length: perPartition }, () => broker.engine.append(topic, p, encoded)),
      ),
    ),
  );
}

async function consumePerSec(kafka: Kafka, topic: string): Promise<number> {
  const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let start = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => (start = performance.now()));
  let consumed = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    autoCommit: false,
    eachBatch: ({ batch }) => {
      consumed += batch.messages.length;
      if (consumed >= CONSUME_RECORDS) done();
      return Promise.resolve();
    },
  });
  await finished;
  const rate = consumed / ((performance.now() - start) / 1000);
  await consumer.disconnect();
  return rate;
}

async function onBroker(
  root: string,
  fsync: 'always' | 'never',
  batch: number,
  partitions: number,
) {
  const dataDir = join(root, `broker-${fsync}-${batch}-${partitions}`);
  const broker = await startBroker({ dataDir, port: 0, fsync, logger: silentLogger });
  try {
    const kafka = client(broker.bootstrap);
    const produce = await producePerSec(kafka, batch, partitions);
    const topic = `consume-${batch}-${partitions}`;
    await fill(broker, topic, batch, partitions);
    return { produce, consume: await consumePerSec(kafka, topic) };
  } finally {
    await broker.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onNullBroker(batch: number, partitions: number) {
  const broker = await startNullBroker({
    partitions,
    recordBytes: RECORD_BYTES,
    recordsPerBatch: batch,
  });
  try {
    const kafka = client(`127.0.0.1:${broker.port}`);
    const produce = await producePerSec(kafka, batch, partitions);
    return { produce, consume: await consumePerSec(kafka, `consume-${batch}-${partitions}`) };
  } finally {
    await broker.close();
  }
}

async function main(): Promise<void> {
  const root = process.env['BENCH_DIR'] ?? (await mkdtemp(join(tmpdir(), 'sps-bench-wire-')));
  const rows: Row[] = [];
  try {
    // Warm-up (JIT, connection set-up paths), not reported: the first case would otherwise
    // pay for it.
    await onNullBroker(1, 1);
    await onBroker(root, 'never', 1, 1);
    for (const batch of [1, 100]) {
      for (const partitions of [1, 6]) {
        const nul = await onNullBroker(batch, partitions);
        for (const fsync of ['always', 'never'] as const) {
          const b = await onBroker(root, fsync, batch, partitions);
          rows.push({
            target: `broker fsync=${fsync}`,
            batch,
            partitions,
            producePerSec: b.produce,
            consumePerSec: b.consume,
            produceVsNull: b.produce / nul.produce,
            consumeVsNull: b.consume / nul.consume,
          });
        }
        rows.push({
          target: 'null broker',
          batch,
          partitions,
          producePerSec: nul.produce,
          consumePerSec: nul.consume,
        });
      }
    }
  } finally {
    if (!process.env['BENCH_DIR']) await rm(root, { recursive: true, force: true });
  }
  writeResults('wire', rows, {
    client: 'kafkajs 2.2.4 (same process as the broker)',
    recordBytes: RECORD_BYTES,
    acks: -1,
    produceSecondsPerCase: SECONDS,
    consumeRecords: CONSUME_RECORDS,
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
    dir: root,
  });
}

void main();
