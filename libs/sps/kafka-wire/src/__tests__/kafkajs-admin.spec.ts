// kafkajs 2.2.4 admin against the SPS broker: every admin call an SPS user is likely to make.
// setOffsets/resetOffsets are the demanding ones: kafkajs runs a real consumer in the group
// (JoinGroup, SyncGroup, DescribeGroups that must say "Empty", seek, Fetch, OffsetCommit).
import { type Admin, AssignerProtocol, ConfigResourceTypes } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { brokerHarness, errorsIn, type TestKafka, waitUntil } from './helpers/broker-harness';

const start = brokerHarness();

async function committed(admin: Admin, groupId: string, topic: string): Promise<string[]> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return entry!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
}

/** A consumer in `groupId` that reads `count` records, commits them and leaves. */
async function consumeAndLeave(
  client: TestKafka,
  groupId: string,
  topic: string,
  count: number,
): Promise<string[]> {
  const consumer = await client.consumer({ groupId });
  await consumer.subscribe({ topic, fromBeginning: true });
  const values: string[] = [];
  await consumer.run({
    eachMessage: ({ message }) => Promise.resolve(void values.push(message.value!.toString())),
  });
  await waitUntil(() => values.length >= count, `${count} records in ${groupId}`);
  await consumer.disconnect(); // commits what it handled, then LeaveGroup
  return values;
}

describe('kafkajs admin', () => {
  it('topics: create (twice → false), metadata, partitions, configs, cluster, delete', async () => {
    const broker = await start();
    const client = broker.kafka();
    const admin = await client.admin();
    expect(
      await admin.createTopics({
        topics: [
          {
            topic: 'orders',
            numPartitions: 3,
            configEntries: [{ name: 'retention.ms', value: '3600000' }],
          },
          { topic: 'audit' },
        ],
      }),
    ).toBe(true);
    expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] })).toBe(
      false,
    );
    const refused = await admin
      .createTopics({ topics: [{ topic: 'replicated', replicationFactor: 3 }] })
      .catch((error: { errors?: Array<{ type: string }> }) => error);
    expect(refused).toMatchObject({ errors: [{ type: 'INVALID_REPLICATION_FACTOR' }] });
    expect((await admin.listTopics()).sort()).toEqual(['audit', 'orders']);
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
    expect(topics[0]!.partitions.map((p) => [p.partitionId, p.leader, p.replicas, p.isr])).toEqual([
      [0, 0, [0], [0]],
      [1, 0, [0], [0]],
      [2, 0, [0], [0]],
    ]);

    await admin.createPartitions({ topicPartitions: [{ topic: 'orders', count: 5 }] });
    expect((await admin.fetchTopicOffsets('orders')).length).toBe(5);
    await expect(
      admin.createPartitions({ topicPartitions: [{ topic: 'orders', count: 2 }] }),
    ).rejects.toThrow();

    const described = await admin.describeConfigs({
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: 'orders',
          configNames: ['retention.ms', 'cleanup.policy'],
        },
      ],
      includeSynonyms: false,
    });
    expect(
      described.resources[0]!.configEntries.map((c) => [c.configName, c.configValue, c.isDefault]),
    ).toEqual([
      ['cleanup.policy', 'delete', true],
      ['retention.ms', '3600000', false],
    ]);
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: 'orders',
          configEntries: [{ name: 'retention.bytes', value: '1048576' }],
        },
      ],
    });
    expect(broker.engine.describeStream('orders').config).toMatchObject({
      retentionBytes: 1_048_576,
      ttlMs: 604_800_000, // AlterConfigs replaced the whole set: retention.ms is back to its default
    });
    const brokerConfigs = await admin.describeConfigs({
      resources: [
        {
          type: ConfigResourceTypes.BROKER,
          name: '0',
          configNames: ['num.partitions', 'auto.create.topics.enable'],
        },
      ],
      includeSynonyms: false,
    });
    expect(
      brokerConfigs.resources[0]!.configEntries.map((c) => [c.configName, c.configValue]),
    ).toEqual([
      ['auto.create.topics.enable', 'true'],
      ['num.partitions', '1'],
    ]);

    expect(await admin.describeCluster()).toEqual({
      brokers: [{ nodeId: 0, host: '127.0.0.1', port: broker.port }],
      controller: 0,
      clusterId: broker.clusterId,
    });
    await admin.deleteTopics({ topics: ['orders'] });
    expect(await admin.listTopics()).toEqual(['audit']);
    expect(
      errorsIn(client.logs).filter((e) => !/Response (CreateTopics|CreatePartitions)/.test(e)),
    ).toEqual([]);
  });

  it('offsets: fetchTopicOffsets, by timestamp, deleteTopicRecords', async () => {
    const broker = await start();
    const client = broker.kafka();
    const admin = await client.admin();
    await admin.createTopics({ topics: [{ topic: 'timed', numPartitions: 2 }] });
    const producer = await client.producer();
    for (let i = 0; i < 10; i++) {
      await producer.send({
        topic: 'timed',
        messages: [{ partition: i % 2, value: `t${i}`, timestamp: String(1_000 * (i + 1)) }],
      });
    }
    expect(await admin.fetchTopicOffsets('timed')).toEqual([
      { partition: 0, offset: '5', high: '5', low: '0' },
      { partition: 1, offset: '5', high: '5', low: '0' },
    ]);
    // Partition 0 holds t0,t2,t4,… at 1000,3000,5000,…; partition 1 t1,t3,… at 2000,4000,…
    expect(await admin.fetchTopicOffsetsByTimestamp('timed', 5_500)).toEqual([
      { partition: 0, offset: '3' },
      { partition: 1, offset: '2' },
    ]);
    // After the last record: kafkajs replaces the broker's -1 by the high watermark.
    expect(await admin.fetchTopicOffsetsByTimestamp('timed', 99_999)).toEqual([
      { partition: 0, offset: '5' },
      { partition: 1, offset: '5' },
    ]);
    await admin.deleteTopicRecords({
      topic: 'timed',
      partitions: [
        { partition: 0, offset: '3' },
        { partition: 1, offset: '-1' },
      ],
    });
    expect(await admin.fetchTopicOffsets('timed')).toEqual([
      { partition: 0, offset: '5', high: '5', low: '3' },
      { partition: 1, offset: '5', high: '5', low: '5' },
    ]);
  });

  it('groups: describe, list, setOffsets, resetOffsets, fetchOffsets, delete', async () => {
    const broker = await start();
    const client = broker.kafka();
    const admin = await client.admin();
    await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 2 }] });
    const producer = await client.producer();
    await producer.send({
      topic: 'events',
      messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `e${i}` })),
    });

    // A live member: the group is Stable, with the member's assignment.
    const live = await client.consumer({ groupId: 'readers' });
    await live.subscribe({ topic: 'events', fromBeginning: true });
    let seen = 0;
    await live.run({ eachMessage: () => Promise.resolve(void seen++) });
    await waitUntil(() => seen === 10, 'all 10 records');
    const { groups } = await admin.describeGroups(['readers']);
    expect(groups[0]).toMatchObject({
      groupId: 'readers',
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'RoundRobinAssigner',
    });
    const assignment = AssignerProtocol.MemberAssignment.decode(
      groups[0]!.members[0]!.memberAssignment,
    );
    expect(assignment?.assignment).toEqual({ events: [0, 1] });
    await expect(
      admin.setOffsets({
        groupId: 'readers',
        topic: 'events',
        partitions: [{ partition: 0, offset: '0' }],
      }),
    ).rejects.toThrow(/Stable/);
    await live.disconnect();

    expect((await admin.describeGroups(['readers'])).groups[0]!.state).toBe('Empty');
    expect((await admin.listGroups()).groups).toEqual([
      { groupId: 'readers', protocolType: expect.any(String) },
    ]);
    expect(await committed(admin, 'readers', 'events')).toEqual(['5', '5']);

    await admin.setOffsets({
      groupId: 'readers',
      topic: 'events',
      partitions: [
        { partition: 0, offset: '2' },
        { partition: 1, offset: '4' },
      ],
    });
    expect(await committed(admin, 'readers', 'events')).toEqual(['2', '4']);
    expect(await consumeAndLeave(client, 'readers', 'events', 4)).toHaveLength(4);

    await admin.resetOffsets({ groupId: 'readers', topic: 'events', earliest: true });
    expect(await committed(admin, 'readers', 'events')).toEqual(['0', '0']);
    expect(await consumeAndLeave(client, 'readers', 'events', 10)).toHaveLength(10);

    expect(await admin.deleteGroups(['readers'])).toEqual([{ groupId: 'readers', errorCode: 0 }]);
    expect((await admin.listGroups()).groups).toEqual([]);
    expect(await committed(admin, 'readers', 'events')).toEqual(['-1', '-1']);
    await expect(admin.deleteGroups(['readers'])).rejects.toThrow();
  });

  it('SASL/PLAIN: kafkajs authenticates to a broker with users; a wrong password is refused', async () => {
    const broker = await start({ users: { alice: 's3cret' } });
    const good = broker.kafka({
      sasl: { mechanism: 'plain', username: 'alice', password: 's3cret' },
    });
    const admin = await good.admin();
    await admin.createTopics({ topics: [{ topic: 'secure' }] });
    const producer = await good.producer();
    await producer.send({ topic: 'secure', messages: [{ value: 'hello' }] });
    expect(await admin.fetchTopicOffsets('secure')).toEqual([
      { partition: 0, offset: '1', high: '1', low: '0' },
    ]);

    const bad = broker.kafka({
      sasl: { mechanism: 'plain', username: 'alice', password: 'wrong' },
      retry: { retries: 0 },
    });
    await expect(bad.admin()).rejects.toThrow(
      /SASL PLAIN authentication failed|Authentication failed/,
    );
  });
});
