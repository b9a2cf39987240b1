// The data-path handlers (Metadata, Produce, Fetch, ListOffsets, InitProducerId,
// DeleteRecords) against a real broker, at the exact versions and with the requests real
// clients rarely send: legacy message formats, acks=0/2, by-time lookups, v0 shapes.
import { crc32c, decodeRecords, encodeRecordBatch, splitBatches } from '@shopstream/sps-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { type FetchRequest, type ProduceRequest } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { brokerHarness } from './helpers/broker-harness';
import { type Caller, rawCaller } from './helpers/raw-call';

const start = brokerHarness();
let callers: Caller[] = [];
afterEach(() => {
  for (const c of callers) c.client.destroy();
  callers = [];
});

async function setup(options: Parameters<typeof start>[0] = {}) {
  const broker = await start(options);
  const caller = await rawCaller(broker.port);
  callers.push(caller);
  return { broker, ...caller };
}

const batch = (values: string[], options: Parameters<typeof encodeRecordBatch>[1] = {}) =>
  encodeRecordBatch(
    values.map((v) => ({ value: Buffer.from(v) })),
    options,
  );

const produce = (
  topic: string,
  records: Buffer | null,
  over: Partial<ProduceRequest> = {},
  partition = 0,
): ProduceRequest => ({
  transactionalId: null,
  acks: -1,
  timeoutMs: 5_000,
  topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
  ...over,
});

const fetch = (
  topic: string,
  fetchOffset: number,
  over: Partial<FetchRequest> = {},
): FetchRequest => ({
  replicaId: -1,
  maxWaitMs: 0,
  minBytes: 1,
  maxBytes: 1 << 20,
  isolationLevel: 1,
  sessionId: 0,
  sessionEpoch: -1,
  topics: [
    {
      topic,
      partitions: [
        {
          partition: 0,
          currentLeaderEpoch: -1,
          fetchOffset,
          logStartOffset: -1,
          partitionMaxBytes: 1 << 20,
        },
      ],
    },
  ],
  forgottenTopicsData: [],
  rackId: '',
  ...over,
});

const valuesOf = (records: Buffer | null) =>
  splitBatches(records!).batches.flatMap((b) => decodeRecords(b).map((r) => r.value!.toString()));

describe('Metadata', () => {
  it('names this broker at its advertised address, as controller, with a cluster id that survives restarts', async () => {
    const { broker, call } = await setup({ advertisedHost: 'sps.test', advertisedPort: 19999 });
    const first = await call(ApiKey.Metadata, 8, {
      topics: null,
      allowAutoTopicCreation: true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    expect(first.brokers).toEqual([{ nodeId: 0, host: 'sps.test', port: 19999, rack: null }]);
    expect(first.controllerId).toBe(0);
    expect(first.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await broker.close();

    const again = await start({ dataDir: broker.dataDir, nodeId: 0 });
    const caller = await rawCaller(again.port);
    callers.push(caller);
    const second = await caller.call(ApiKey.Metadata, 2, { ...allTopics, topics: [] });
    expect(second.clusterId).toBe(first.clusterId);
    expect(second.brokers[0]).toMatchObject({ host: '127.0.0.1', port: again.port });
  });

  it('auto-creates a requested topic with the default partition count, unless the request forbids it', async () => {
    const { call } = await setup({ defaultPartitions: 3 });
    const forbidden = await call(ApiKey.Metadata, 4, {
      ...allTopics,
      topics: [{ name: 'orders' }],
      allowAutoTopicCreation: false,
    });
    expect(forbidden.topics).toEqual([
      expect.objectContaining({
        name: 'orders',
        errorCode: KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
        partitions: [],
      }),
    ]);
    const created = await call(ApiKey.Metadata, 4, { ...allTopics, topics: [{ name: 'orders' }] });
    expect(created.topics[0]!.errorCode).toBe(0);
    expect(created.topics[0]!.partitions).toEqual(
      [0, 1, 2].map((i) => ({
        errorCode: 0,
        partitionIndex: i,
        leaderId: 0,
        leaderEpoch: -1, // v4 does not carry it: the codec default
        replicaNodes: [0],
        isrNodes: [0],
        offlineReplicas: [],
      })),
    );
    // v0: an empty list means every topic.
    const all = await call(ApiKey.Metadata, 0, { ...allTopics, topics: [] });
    expect(all.topics.map((t) => t.name)).toEqual(['orders']);
  });

  it('refuses to auto-create an invalid name (INVALID_TOPIC_EXCEPTION) and honours auto.create.topics.enable=false', async () => {
    const { call } = await setup();
    const invalid = await call(ApiKey.Metadata, 6, {
      ...allTopics,
      topics: [{ name: 'bad name!' }],
    });
    expect(invalid.topics[0]!.errorCode).toBe(KafkaError.INVALID_TOPIC_EXCEPTION);

    const off = await setup({ autoCreateTopics: false });
    const unknown = await off.call(ApiKey.Metadata, 1, {
      ...allTopics,
      topics: [{ name: 'orders' }],
    });
    expect(unknown.topics[0]!.errorCode).toBe(KafkaError.UNKNOWN_TOPIC_OR_PARTITION);
  });
});

const allTopics = {
  topics: null,
  allowAutoTopicCreation: true,
  includeClusterAuthorizedOperations: false,
  includeTopicAuthorizedOperations: false,
};

describe('Produce', () => {
  it('appends client batches as sent and answers base offset and log start (v7)', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 2 });
    const first = await call(ApiKey.Produce, 7, produce('orders', batch(['a', 'b'])));
    const second = await call(ApiKey.Produce, 7, produce('orders', batch(['c'])));
    expect(first.responses[0]!.partitionResponses[0]).toEqual({
      index: 0,
      errorCode: 0,
      baseOffset: 0,
      logAppendTimeMs: -1,
      logStartOffset: 0,
      recordErrors: [],
      errorMessage: null,
    });
    expect(second.responses[0]!.partitionResponses[0]!.baseOffset).toBe(2);
    const fetched = await call(ApiKey.Fetch, 11, fetch('orders', 0));
    expect(valuesOf(fetched.responses[0]!.partitions[0]!.records)).toEqual(['a', 'b', 'c']);
  });

  it('answers errors per partition: unknown topic/partition, legacy formats, bad acks, transactions', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    const code = async (request: ProduceRequest, version = 7) =>
      (await call(ApiKey.Produce, version, request)).responses[0]!.partitionResponses[0]!;

    expect((await code(produce('nope', batch(['x'])))).errorCode).toBe(
      KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
    );
    expect((await code(produce('orders', batch(['x']), {}, 5))).errorCode).toBe(
      KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
    );
    // A magic 1 message set: offset, size, crc, magic at byte 16.
    const legacy = Buffer.alloc(40);
    legacy.writeInt32BE(28, 8);
    legacy.writeInt8(1, 16);
    expect(await code(produce('orders', legacy))).toMatchObject({
      errorCode: KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT,
      baseOffset: -1,
    });
    expect((await code(produce('orders', batch(['x'])), 2)).errorCode).toBe(
      KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT,
    );
    expect((await code(produce('orders', null))).errorCode).toBe(KafkaError.CORRUPT_MESSAGE);
    const corrupt = batch(['x']);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 1) ^ 0xff, corrupt.length - 1); // CRC-32C no longer matches
    expect((await code(produce('orders', corrupt))).errorCode).toBe(KafkaError.CORRUPT_MESSAGE);
    const control = batch(['x']);
    control.writeInt16BE(control.readInt16BE(21) | 0x20, 21); // attributes: control bit
    control.writeUInt32BE(crc32c(control.subarray(21)), 17); // a valid CRC again
    expect((await code(produce('orders', control))).errorCode).toBe(KafkaError.INVALID_RECORD);
    expect((await code(produce('orders', batch(['x']), { acks: 2 }))).errorCode).toBe(
      KafkaError.INVALID_REQUIRED_ACKS,
    );
    expect((await code(produce('orders', batch(['x']), { transactionalId: 'tx' }))).errorCode).toBe(
      KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
    );
    expect(broker.engine.watermarks('orders', 0).highWatermark).toBe(0);
  });

  it('acks=0: stores without answering; a failure closes the connection', async () => {
    const { broker, send, call, client } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    send(ApiKey.Produce, 7, produce('orders', batch(['quiet']), { acks: 0 }));
    // The next request's answer comes first: there was none for the produce.
    const metadata = await call(ApiKey.Metadata, 1, { ...allTopics, topics: [{ name: 'orders' }] });
    expect(metadata.topics[0]!.errorCode).toBe(0);
    expect(broker.engine.watermarks('orders', 0).highWatermark).toBe(1);

    send(ApiKey.Produce, 7, produce('unknown-topic', batch(['lost']), { acks: 0 }));
    expect(await client.closesWithin(5_000)).toBe(true);
  });

  it('deduplicates an idempotent retry: same sequence → success with the original offset', async () => {
    const { call } = await setup();
    const init = await call(ApiKey.InitProducerId, 1, {
      transactionalId: null,
      transactionTimeoutMs: 60_000,
    });
    expect(init).toMatchObject({ errorCode: 0, producerEpoch: 0 });
    expect(init.producerId).toBeGreaterThanOrEqual(0);
    await call(ApiKey.Metadata, 6, { ...allTopics, topics: [{ name: 'idem' }] });
    const seq0 = batch(['one', 'two'], {
      producerId: init.producerId,
      producerEpoch: 0,
      baseSequence: 0,
    });
    const seq2 = batch(['three'], {
      producerId: init.producerId,
      producerEpoch: 0,
      baseSequence: 2,
    });
    const offsets = [];
    for (const b of [seq0, seq0, seq2, seq2])
      offsets.push(
        (await call(ApiKey.Produce, 7, produce('idem', b))).responses[0]!.partitionResponses[0]!,
      );
    expect(offsets.map((o) => [o.errorCode, o.baseOffset])).toEqual([
      [0, 0],
      [0, 0],
      [0, 2],
      [0, 2],
    ]);
    const gap = batch(['x'], { producerId: init.producerId, producerEpoch: 0, baseSequence: 9 });
    expect(
      (await call(ApiKey.Produce, 7, produce('idem', gap))).responses[0]!.partitionResponses[0]!
        .errorCode,
    ).toBe(KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER);
    const transactional = await call(ApiKey.InitProducerId, 1, {
      transactionalId: 'tx-1',
      transactionTimeoutMs: 60_000,
    });
    expect(transactional).toMatchObject({
      errorCode: KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      producerId: -1,
    });
  });
});

describe('Fetch', () => {
  it('answers an empty (not null) record set, the watermarks, and no aborted transactions', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    const empty = await call(ApiKey.Fetch, 11, fetch('orders', 0));
    expect(empty).toMatchObject({ errorCode: 0, sessionId: 0, throttleTimeMs: 0 });
    expect(empty.responses[0]!.partitions[0]).toEqual({
      partitionIndex: 0,
      errorCode: 0,
      highWatermark: 0,
      lastStableOffset: 0,
      logStartOffset: 0,
      abortedTransactions: [],
      preferredReadReplica: -1,
      records: Buffer.alloc(0),
    });
    const uncommitted = await call(ApiKey.Fetch, 11, fetch('orders', 0, { isolationLevel: 0 }));
    expect(uncommitted.responses[0]!.partitions[0]!.abortedTransactions).toBeNull();
  });

  it('returns the whole batch containing a mid-batch offset, and OFFSET_OUT_OF_RANGE around the log', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    await call(ApiKey.Produce, 7, produce('orders', batch(['a', 'b', 'c'])));
    const mid = await call(ApiKey.Fetch, 11, fetch('orders', 1));
    expect(valuesOf(mid.responses[0]!.partitions[0]!.records)).toEqual(['a', 'b', 'c']);
    expect(mid.responses[0]!.partitions[0]).toMatchObject({
      highWatermark: 3,
      lastStableOffset: 3,
    });

    const beyond = await call(ApiKey.Fetch, 11, fetch('orders', 4));
    expect(beyond.responses[0]!.partitions[0]).toMatchObject({
      errorCode: KafkaError.OFFSET_OUT_OF_RANGE,
      records: Buffer.alloc(0),
    });
    await call(ApiKey.DeleteRecords, 1, {
      topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, offset: 2 }] }],
      timeoutMs: 1000,
    });
    const below = await call(ApiKey.Fetch, 11, fetch('orders', 1));
    expect(below.responses[0]!.partitions[0]).toMatchObject({
      errorCode: KafkaError.OFFSET_OUT_OF_RANGE,
      logStartOffset: 2,
    });
  });

  it('long-polls until a produce arrives (woken, not timed out)', async () => {
    const { broker, send, receive } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    const started = Date.now();
    send(ApiKey.Fetch, 11, fetch('orders', 0, { maxWaitMs: 20_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await broker.engine.append('orders', 0, batch(['late']));
    const response = await receive(ApiKey.Fetch, 11, 15_000);
    expect(valuesOf(response.responses[0]!.partitions[0]!.records)).toEqual(['late']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers a parked fetch at once when the broker shuts down', async () => {
    const { broker, send, receive } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    send(ApiKey.Fetch, 11, fetch('orders', 0, { maxWaitMs: 60_000 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = broker.close();
    const response = await receive(ApiKey.Fetch, 11, 10_000);
    expect(response.responses[0]!.partitions[0]!.records).toEqual(Buffer.alloc(0));
    await closing;
  });
});

describe('ListOffsets and DeleteRecords', () => {
  it('answers latest, earliest and by-time offsets (v1+ -1/-1 when none), and the v0 shape', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 1 });
    await call(ApiKey.Produce, 7, produce('orders', batch(['t100'], { now: 100 })));
    await call(ApiKey.Produce, 7, produce('orders', batch(['t200', 't300'], { now: 200 })));
    const list = async (timestamp: number, version = 3) =>
      (
        await call(ApiKey.ListOffsets, version, {
          replicaId: -1,
          isolationLevel: 1,
          topics: [
            {
              name: 'orders',
              partitions: [
                { partitionIndex: 0, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 },
              ],
            },
          ],
        })
      ).topics[0]!.partitions[0]!;
    expect(await list(-1)).toMatchObject({ errorCode: 0, offset: 3, timestamp: -1 });
    expect(await list(-2)).toMatchObject({ errorCode: 0, offset: 0, timestamp: -1 });
    expect(await list(150)).toMatchObject({ errorCode: 0, offset: 1, timestamp: 200 });
    expect(await list(10_000)).toMatchObject({ errorCode: 0, offset: -1, timestamp: -1 });
    expect(await list(-1, 0)).toMatchObject({ errorCode: 0, oldStyleOffsets: [3] });
    expect(await list(150, 0)).toMatchObject({ errorCode: 0, oldStyleOffsets: [1] });

    const deleted = await call(ApiKey.DeleteRecords, 1, {
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, offset: -1 },
            { partitionIndex: 7, offset: 0 },
          ],
        },
      ],
      timeoutMs: 1000,
    });
    expect(deleted.topics[0]!.partitions).toEqual([
      { partitionIndex: 0, lowWatermark: 3, errorCode: 0 },
      { partitionIndex: 7, lowWatermark: -1, errorCode: KafkaError.UNKNOWN_TOPIC_OR_PARTITION },
    ]);
    expect(await list(-2)).toMatchObject({ offset: 3 });
  });
});
