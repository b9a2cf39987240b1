// The group handlers at the versions only some clients use (JoinGroup v0 and v4+, LeaveGroup
// v0 and v3, OffsetFetch with null topics, simple commits), against a real broker.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/api-keys';
import { type JoinGroupRequest } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { brokerHarness } from './helpers/broker-harness';
import { type Caller, rawCaller } from './helpers/raw-call';

const start = brokerHarness();
let callers: Caller[] = [];
afterEach(() => {
  for (const c of callers) c.client.destroy();
  callers = [];
});

async function setup() {
  const broker = await start();
  const connect = async (clientId = 'raw') => {
    const caller = await rawCaller(broker.port, clientId);
    callers.push(caller);
    return caller;
  };
  return { broker, connect, ...(await connect()) };
}

const join = (
  groupId: string,
  memberId = '',
  over: Partial<JoinGroupRequest> = {},
): JoinGroupRequest => ({
  groupId,
  sessionTimeoutMs: 10_000,
  rebalanceTimeoutMs: 10_000,
  memberId,
  groupInstanceId: null,
  protocolType: 'consumer',
  protocols: [{ name: 'range', metadata: Buffer.from([0, 1]) }],
  ...over,
});

describe('group membership', () => {
  it('JoinGroup v5: MEMBER_ID_REQUIRED carries the id; the rejoin leads generation 1; Sync/Heartbeat/Leave', async () => {
    const { call } = await setup();
    const first = await call(ApiKey.JoinGroup, 5, join('g'));
    expect(first).toMatchObject({ errorCode: KafkaError.MEMBER_ID_REQUIRED, generationId: -1 });
    expect(first.memberId).toMatch(/^raw-/);

    const joined = await call(ApiKey.JoinGroup, 5, join('g', first.memberId));
    expect(joined).toMatchObject({
      errorCode: 0,
      generationId: 1,
      protocolName: 'range',
      leader: first.memberId,
      memberId: first.memberId,
    });
    expect(joined.members).toEqual([
      { memberId: first.memberId, groupInstanceId: null, metadata: Buffer.from([0, 1]) },
    ]);
    const synced = await call(ApiKey.SyncGroup, 3, {
      groupId: 'g',
      generationId: 1,
      memberId: first.memberId,
      groupInstanceId: null,
      assignments: [{ memberId: first.memberId, assignment: Buffer.from('mine') }],
    });
    expect(synced).toEqual({ throttleTimeMs: 0, errorCode: 0, assignment: Buffer.from('mine') });
    const beat = (generationId: number, memberId = first.memberId) =>
      call(ApiKey.Heartbeat, 3, { groupId: 'g', generationId, memberId, groupInstanceId: null });
    expect((await beat(1)).errorCode).toBe(0);
    expect((await beat(7)).errorCode).toBe(KafkaError.ILLEGAL_GENERATION);
    expect((await beat(1, 'stranger')).errorCode).toBe(KafkaError.UNKNOWN_MEMBER_ID);

    const described = await call(ApiKey.DescribeGroups, 2, {
      groups: ['g', 'nobody'],
      includeAuthorizedOperations: false,
    });
    expect(described.groups[0]).toMatchObject({
      errorCode: 0,
      groupState: 'Stable',
      protocolType: 'consumer',
      protocolData: 'range',
      members: [
        expect.objectContaining({
          memberId: first.memberId,
          clientId: 'raw',
          clientHost: '/127.0.0.1',
          memberAssignment: Buffer.from('mine'),
        }),
      ],
    });
    expect(described.groups[1]).toMatchObject({
      groupId: 'nobody',
      errorCode: 0,
      groupState: 'Dead',
      members: [],
    });

    const left = await call(ApiKey.LeaveGroup, 3, {
      groupId: 'g',
      memberId: '',
      members: [
        { memberId: first.memberId, groupInstanceId: null },
        { memberId: 'stranger', groupInstanceId: null },
      ],
    });
    expect(left).toEqual({
      throttleTimeMs: 0,
      errorCode: 0,
      members: [
        { memberId: first.memberId, groupInstanceId: null, errorCode: 0 },
        { memberId: 'stranger', groupInstanceId: null, errorCode: KafkaError.UNKNOWN_MEMBER_ID },
      ],
    });
    const after = await call(ApiKey.DescribeGroups, 0, {
      groups: ['g'],
      includeAuthorizedOperations: false,
    });
    expect(after.groups[0]!.groupState).toBe('Empty');
  });

  it('JoinGroup v0 (librdkafka 2.0.2 needs it advertised): joins at once, rebalance timeout = session timeout; LeaveGroup v0', async () => {
    const { call, connect } = await setup();
    const a = await call(
      ApiKey.JoinGroup,
      0,
      join('g0', '', { rebalanceTimeoutMs: -1, sessionTimeoutMs: 3_000 }),
    );
    expect(a).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(a.memberId).toMatch(/^raw-/);
    await call(ApiKey.SyncGroup, 0, {
      groupId: 'g0',
      generationId: 1,
      memberId: a.memberId,
      groupInstanceId: null,
      assignments: [],
    });

    // A second member joins; the first never rejoins: the join completes once the
    // rebalance timeout (here: its session timeout, 3 s) expires without it.
    const other = await connect('other');
    const started = Date.now();
    const b = await other.call(
      ApiKey.JoinGroup,
      0,
      join('g0', '', { rebalanceTimeoutMs: -1, sessionTimeoutMs: 3_000 }),
    );
    expect(b).toMatchObject({ errorCode: 0, generationId: 2, leader: b.memberId });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);

    const left = await other.call(ApiKey.LeaveGroup, 0, {
      groupId: 'g0',
      memberId: b.memberId,
      members: [],
    });
    expect(left.errorCode).toBe(0);
    const again = await other.call(ApiKey.LeaveGroup, 0, {
      groupId: 'g0',
      memberId: b.memberId,
      members: [],
    });
    expect(again.errorCode).toBe(KafkaError.UNKNOWN_MEMBER_ID);
  });

  it('maps bad requests to Kafka codes: empty group id, session timeout out of bounds, protocol mismatch', async () => {
    const { call, connect } = await setup();
    expect((await call(ApiKey.JoinGroup, 5, join(''))).errorCode).toBe(KafkaError.INVALID_GROUP_ID);
    expect(
      (await call(ApiKey.JoinGroup, 5, join('g', '', { sessionTimeoutMs: 10 }))).errorCode,
    ).toBe(KafkaError.INVALID_SESSION_TIMEOUT);
    const first = await call(ApiKey.JoinGroup, 3, join('g'));
    expect(first.errorCode).toBe(0);
    const other = await connect();
    const mismatch = await other.call(
      ApiKey.JoinGroup,
      3,
      join('g', '', { protocols: [{ name: 'roundrobin', metadata: Buffer.alloc(0) }] }),
    );
    expect(mismatch.errorCode).toBe(KafkaError.INCONSISTENT_GROUP_PROTOCOL);
    expect(
      (
        await call(ApiKey.Heartbeat, 0, {
          groupId: '',
          generationId: 1,
          memberId: 'm',
          groupInstanceId: null,
        })
      ).errorCode,
    ).toBe(KafkaError.INVALID_GROUP_ID);
    expect(
      (await call(ApiKey.DeleteGroups, 1, { groupsNames: ['', 'unknown', 'g'] })).results,
    ).toEqual([
      { groupId: '', errorCode: KafkaError.INVALID_GROUP_ID },
      { groupId: 'unknown', errorCode: KafkaError.GROUP_ID_NOT_FOUND },
      { groupId: 'g', errorCode: KafkaError.NON_EMPTY_GROUP },
    ]);
  });

  it('FindCoordinator: this broker for groups; transactions refused with a message', async () => {
    const { broker, call } = await setup();
    expect(await call(ApiKey.FindCoordinator, 2, { key: 'g', keyType: 0 })).toEqual({
      throttleTimeMs: 0,
      errorCode: 0,
      errorMessage: null,
      nodeId: 0,
      host: '127.0.0.1',
      port: broker.port,
    });
    expect(await call(ApiKey.FindCoordinator, 0, { key: 'g', keyType: 0 })).toMatchObject({
      port: broker.port,
    });
    const tx = await call(ApiKey.FindCoordinator, 1, { key: 'tx', keyType: 1 });
    expect(tx.errorCode).toBe(KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    expect(tx.errorMessage).toMatch(/transactions/);
  });
});

describe('committed offsets', () => {
  it('simple commits (generation -1) round-trip metadata; OffsetFetch null = all, unknown = -1', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 3 });
    await broker.engine.createStream('audit', { partitions: 1 });
    const committed = await call(ApiKey.OffsetCommit, 5, {
      groupId: 'g',
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      retentionTimeMs: -1,
      topics: [
        {
          name: 'orders',
          partitions: [
            {
              partitionIndex: 2,
              committedOffset: 0,
              committedLeaderEpoch: -1,
              commitTimestamp: -1,
              committedMetadata: 'meta-2',
            },
            {
              partitionIndex: 9,
              committedOffset: 1,
              committedLeaderEpoch: -1,
              commitTimestamp: -1,
              committedMetadata: null,
            },
          ],
        },
        {
          name: 'audit',
          partitions: [
            {
              partitionIndex: 0,
              committedOffset: 0,
              committedLeaderEpoch: -1,
              commitTimestamp: -1,
              committedMetadata: '',
            },
          ],
        },
      ],
    });
    expect(committed.topics.map((t) => t.partitions.map((p) => p.errorCode))).toEqual([
      [0, KafkaError.UNKNOWN_TOPIC_OR_PARTITION],
      [0],
    ]);
    const all = await call(ApiKey.OffsetFetch, 4, { groupId: 'g', topics: null });
    expect(all.errorCode).toBe(0);
    expect(
      all.topics
        .flatMap((t) =>
          t.partitions.map((p) => [t.name, p.partitionIndex, p.committedOffset, p.metadata]),
        )
        .sort(),
    ).toEqual([
      ['audit', 0, 0, ''],
      ['orders', 2, 0, 'meta-2'],
    ]);
    const some = await call(ApiKey.OffsetFetch, 1, {
      groupId: 'g',
      topics: [{ name: 'orders', partitionIndexes: [0, 2] }],
    });
    expect(some.topics).toEqual([
      {
        name: 'orders',
        partitions: [
          {
            partitionIndex: 0,
            committedOffset: -1,
            committedLeaderEpoch: -1,
            metadata: '',
            errorCode: 0,
          },
          {
            partitionIndex: 2,
            committedOffset: 0,
            committedLeaderEpoch: -1,
            metadata: 'meta-2',
            errorCode: 0,
          },
        ],
      },
    ]);
    const listed = await call(ApiKey.ListGroups, 2, {});
    expect(listed.groups).toEqual([{ groupId: 'g', protocolType: '' }]);
    const empty = await call(ApiKey.OffsetFetch, 4, { groupId: '', topics: null });
    expect(empty).toMatchObject({ errorCode: 0, topics: [] });
  });

  it('commits of -2/-1 (kafkajs resetOffsets) store the log start / high watermark; other negatives are refused', async () => {
    const { broker, call } = await setup();
    await broker.engine.createStream('orders', { partitions: 3 });
    await broker.engine.produce(
      'orders',
      [{ value: Buffer.from('a') }, { value: Buffer.from('b') }],
      { partition: 0 },
    );
    await broker.engine.deleteRecords('orders', 0, 1);
    await broker.engine.produce(
      'orders',
      ['x', 'y', 'z'].map((v) => ({ value: Buffer.from(v) })),
      { partition: 1 },
    );
    const commit = (partitionIndex: number, committedOffset: number) => ({
      partitionIndex,
      committedOffset,
      committedLeaderEpoch: -1,
      commitTimestamp: -1,
      committedMetadata: null,
    });
    const committed = await call(ApiKey.OffsetCommit, 5, {
      groupId: 'resetter',
      generationId: -1,
      memberId: '',
      groupInstanceId: null,
      retentionTimeMs: -1,
      topics: [{ name: 'orders', partitions: [commit(0, -2), commit(1, -1), commit(2, -7)] }],
    });
    expect(committed.topics[0]!.partitions.map((p) => p.errorCode)).toEqual([
      0,
      0,
      KafkaError.INVALID_REQUEST,
    ]);
    const fetched = await call(ApiKey.OffsetFetch, 4, {
      groupId: 'resetter',
      topics: [{ name: 'orders', partitionIndexes: [0, 1] }],
    });
    expect(fetched.topics[0]!.partitions.map((p) => p.committedOffset)).toEqual([1, 3]);
  });

  it('a generation-aware commit from a stranger is refused for every partition', async () => {
    const { call } = await setup();
    await call(ApiKey.JoinGroup, 3, join('g'));
    const refused = await call(ApiKey.OffsetCommit, 7, {
      groupId: 'g',
      generationId: 1,
      memberId: 'stranger',
      groupInstanceId: null,
      retentionTimeMs: -1,
      topics: [
        {
          name: 'orders',
          partitions: [0, 1].map((partitionIndex) => ({
            partitionIndex,
            committedOffset: 5,
            committedLeaderEpoch: -1,
            commitTimestamp: -1,
            committedMetadata: null,
          })),
        },
      ],
    });
    expect(refused.topics[0]!.partitions.map((p) => p.errorCode)).toEqual([
      KafkaError.UNKNOWN_MEMBER_ID,
      KafkaError.UNKNOWN_MEMBER_ID,
    ]);
  });
});
