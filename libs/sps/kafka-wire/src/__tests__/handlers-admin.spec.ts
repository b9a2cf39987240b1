// The admin handlers (CreateTopics, DeleteTopics, CreatePartitions, DescribeConfigs,
// AlterConfigs) against a real broker: Kafka's error codes and messages for what a single
// node cannot do, validate_only, and AlterConfigs' replace-everything semantics.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { type CreatableTopic, type DescribeConfigsResponse } from '../protocol/apis';
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

const topic = (name: string, over: Partial<CreatableTopic> = {}): CreatableTopic => ({
  name,
  numPartitions: 3,
  replicationFactor: 1,
  assignments: [],
  configs: [],
  ...over,
});

const configsOf = (response: DescribeConfigsResponse) =>
  Object.fromEntries(response.results[0]!.configs.map((c) => [c.name, c.value]));

describe('CreateTopics / DeleteTopics', () => {
  it('creates with partitions and configs; refuses what one node cannot do, with messages', async () => {
    const { broker, call } = await setup({ defaultPartitions: 2 });
    const response = await call(ApiKey.CreateTopics, 4, {
      topics: [
        topic('orders', {
          configs: [
            { name: 'retention.ms', value: '60000' },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        }),
        topic('defaulted', { numPartitions: -1, replicationFactor: -1 }),
        topic('replicated', { replicationFactor: 3 }),
        topic('compacted', { configs: [{ name: 'cleanup.policy', value: 'compact' }] }),
        topic('odd-config', { configs: [{ name: 'flush.ms', value: '1' }] }),
        topic('bad-value', { configs: [{ name: 'retention.ms', value: 'soon' }] }),
        topic('zero', { numPartitions: 0 }),
        topic('bad name'),
        topic('assigned', {
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [0, 1].map((partitionIndex) => ({ partitionIndex, brokerIds: [0] })),
        }),
        topic('elsewhere', {
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [1] }],
        }),
      ],
      timeoutMs: 5_000,
      validateOnly: false,
    });
    expect(response.topics.map((t) => [t.name, t.errorCode])).toEqual([
      ['orders', 0],
      ['defaulted', 0],
      ['replicated', KafkaError.INVALID_REPLICATION_FACTOR],
      ['compacted', KafkaError.INVALID_CONFIG],
      ['odd-config', KafkaError.INVALID_CONFIG],
      ['bad-value', KafkaError.INVALID_CONFIG],
      ['zero', KafkaError.INVALID_PARTITIONS],
      ['bad name', KafkaError.INVALID_TOPIC_EXCEPTION],
      ['assigned', 0],
      ['elsewhere', KafkaError.INVALID_REPLICA_ASSIGNMENT],
    ]);
    expect(response.topics[2]!.errorMessage).toMatch(/Replication factor: 3/);
    expect(response.topics[4]!.errorMessage).toMatch(/flush\.ms/);
    expect(broker.engine.listStreams().map((s) => [s.name, s.partitions])).toEqual([
      ['assigned', 2],
      ['defaulted', 2],
      ['orders', 3],
    ]);
    expect(broker.engine.describeStream('orders').config.ttlMs).toBe(60_000);

    const again = await call(ApiKey.CreateTopics, 3, {
      topics: [topic('orders')],
      timeoutMs: 1000,
      validateOnly: false,
    });
    expect(again.topics[0]).toEqual({
      name: 'orders',
      errorCode: KafkaError.TOPIC_ALREADY_EXISTS,
      errorMessage: "Topic 'orders' already exists.",
    });
    const dry = await call(ApiKey.CreateTopics, 1, {
      topics: [topic('dry')],
      timeoutMs: 1000,
      validateOnly: true,
    });
    expect(dry.topics[0]!.errorCode).toBe(0);
    expect(broker.engine.listStreams().some((s) => s.name === 'dry')).toBe(false);
    const twice = await call(ApiKey.CreateTopics, 1, {
      topics: [topic('x'), topic('x')],
      timeoutMs: 1000,
      validateOnly: false,
    });
    expect(twice.topics.map((t) => t.errorCode)).toEqual([
      KafkaError.INVALID_REQUEST,
      KafkaError.INVALID_REQUEST,
    ]);

    const deleted = await call(ApiKey.DeleteTopics, 1, {
      topicNames: ['orders', 'never'],
      timeoutMs: 1000,
    });
    expect(deleted.responses).toEqual([
      { name: 'orders', errorCode: 0 },
      { name: 'never', errorCode: KafkaError.UNKNOWN_TOPIC_OR_PARTITION },
    ]);
  });
});

describe('CreatePartitions', () => {
  it('grows to a new total; fewer or equal → INVALID_PARTITIONS with a message; validate_only changes nothing', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 3 });
    const grow = (count: number, validateOnly = false, name = 'orders') =>
      call(ApiKey.CreatePartitions, 1, {
        topics: [{ name, count, assignments: null }],
        timeoutMs: 1000,
        validateOnly,
      });
    expect((await grow(5, true)).results[0]!.errorCode).toBe(0);
    expect(broker.engine.describeStream('orders').partitions).toBe(3);
    expect((await grow(5)).results[0]).toEqual({
      name: 'orders',
      errorCode: 0,
      errorMessage: null,
    });
    expect(broker.engine.describeStream('orders').partitions).toBe(5);
    expect((await grow(2)).results[0]).toEqual({
      name: 'orders',
      errorCode: KafkaError.INVALID_PARTITIONS,
      errorMessage: 'Topic currently has 5 partitions, which is higher than the requested 2.',
    });
    expect((await grow(5)).results[0]!.errorMessage).toBe('Topic already has 5 partitions.');
    expect((await grow(9, false, 'nope')).results[0]!.errorCode).toBe(
      KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
    );
  });
});

describe('DescribeConfigs / AlterConfigs', () => {
  it('describes every topic config with defaults and sources (v0 is_default, v1 synonyms), and the broker', async () => {
    const { broker, call } = await setup({
      defaultPartitions: 3,
      topicDefaults: { retentionBytes: 1_000_000 },
    });
    await broker.engine.createStream('orders', { config: { ttlMs: 60_000 } });
    const v1 = await call(ApiKey.DescribeConfigs, 1, {
      resources: [{ resourceType: 2, resourceName: 'orders', configurationKeys: null }],
      includeSynonyms: true,
    });
    const byName = Object.fromEntries(v1.results[0]!.configs.map((c) => [c.name, c]));
    expect(byName['retention.ms']).toEqual({
      name: 'retention.ms',
      value: '60000',
      readOnly: false,
      isDefault: false,
      configSource: 1,
      isSensitive: false,
      synonyms: [
        { name: 'retention.ms', value: '60000', source: 1 },
        { name: 'log.retention.ms', value: '604800000', source: 4 },
      ],
    });
    expect(byName['retention.bytes']).toMatchObject({ value: '1000000', configSource: 5 });
    expect(byName['cleanup.policy']).toMatchObject({ value: 'delete', readOnly: true });
    expect(configsOf(v1)).toMatchObject({
      'max.message.bytes': '1048588',
      'min.insync.replicas': '1',
      'message.timestamp.type': 'CreateTime',
      'compression.type': 'producer',
    });
    const v0 = await call(ApiKey.DescribeConfigs, 0, {
      resources: [
        {
          resourceType: 2,
          resourceName: 'orders',
          configurationKeys: ['retention.ms', 'segment.bytes', 'nonsense'],
        },
      ],
      includeSynonyms: false,
    });
    expect(v0.results[0]!.configs.map((c) => [c.name, c.isDefault])).toEqual([
      ['retention.ms', false],
      ['segment.bytes', true],
    ]);
    const brokerConfigs = await call(ApiKey.DescribeConfigs, 2, {
      resources: [
        { resourceType: 4, resourceName: '0', configurationKeys: null },
        { resourceType: 4, resourceName: '3', configurationKeys: null },
        { resourceType: 2, resourceName: 'nope', configurationKeys: null },
      ],
      includeSynonyms: false,
    });
    expect(configsOf(brokerConfigs)).toMatchObject({
      'num.partitions': '3',
      'auto.create.topics.enable': 'true',
      'log.retention.bytes': '1000000',
      'log.retention.ms': '604800000',
      'log.dirs': broker.dataDir,
    });
    expect(brokerConfigs.results.map((r) => r.errorCode)).toEqual([
      0,
      KafkaError.INVALID_REQUEST,
      KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
  });

  it('AlterConfigs replaces the whole set: unnamed configs go back to their defaults; bad ones change nothing', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', {
      config: { ttlMs: 60_000, retentionBytes: 5_000 },
    });
    const alter = (configs: { name: string; value: string | null }[], validateOnly = false) =>
      call(ApiKey.AlterConfigs, 1, {
        resources: [{ resourceType: 2, resourceName: 'orders', configs }],
        validateOnly,
      });
    expect(
      (await alter([{ name: 'retention.ms', value: '120000' }], true)).responses[0]!.errorCode,
    ).toBe(0);
    expect(broker.engine.describeStream('orders').config.ttlMs).toBe(60_000);

    expect((await alter([{ name: 'retention.ms', value: '120000' }])).responses[0]!.errorCode).toBe(
      0,
    );
    expect(broker.engine.describeStream('orders').config).toMatchObject({
      ttlMs: 120_000,
      retentionBytes: -1,
    });

    const bad = await alter([{ name: 'segment.bytes', value: '10' }]);
    expect(bad.responses[0]).toMatchObject({
      errorCode: KafkaError.INVALID_CONFIG,
      errorMessage: expect.stringMatching(/segment\.bytes/),
    });
    expect((await alter([{ name: 'unknown.config', value: '1' }])).responses[0]!.errorCode).toBe(
      KafkaError.INVALID_CONFIG,
    );
    expect(broker.engine.describeStream('orders').config.ttlMs).toBe(120_000);

    const others = await call(ApiKey.AlterConfigs, 0, {
      resources: [
        { resourceType: 4, resourceName: '0', configs: [{ name: 'num.partitions', value: '3' }] },
        { resourceType: 2, resourceName: 'nope', configs: [] },
      ],
      validateOnly: false,
    });
    expect(others.responses.map((r) => r.errorCode)).toEqual([
      KafkaError.INVALID_REQUEST,
      KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
    ]);
  });
});
