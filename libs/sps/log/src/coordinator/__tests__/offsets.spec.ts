import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  joinAndSync,
  openHarness,
  rejectsWith,
  settle,
  TestConsumer,
} from './coordinator-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.coordinator.close();
});

const simpleCommit = (
  groupId: string,
  offsets: { stream?: string; partition: number; index: number }[],
) =>
  h.coordinator.commitOffsets({
    groupId,
    generationId: -1,
    memberId: '',
    offsets: offsets.map((o) => ({
      stream: o.stream ?? 'orders',
      partition: o.partition,
      index: o.index,
      metadata: null,
    })),
  });

const fetchAll = (groupId: string) => h.coordinator.fetchOffsets({ groupId, partitions: null });

describe('committing and fetching indexes', () => {
  it('round-trips indexes, metadata and leader epochs', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    await joinAndSync([a]);
    const results = await h.coordinator.commitOffsets({
      groupId: 'g',
      generationId: a.generationId,
      memberId: a.memberId,
      offsets: [
        { stream: 'orders', partition: 0, index: 42, metadata: 'host-1', leaderEpoch: 3 },
        { stream: 'orders', partition: 3, index: 7, metadata: null },
      ],
    });
    expect(results).toEqual([
      { stream: 'orders', partition: 0 },
      { stream: 'orders', partition: 3 },
    ]);
    const fetched = await h.coordinator.fetchOffsets({
      groupId: 'g',
      partitions: [
        { stream: 'orders', partition: 0 },
        { stream: 'orders', partition: 1 },
        { stream: 'orders', partition: 3 },
        { stream: 'nope', partition: 0 },
      ],
    });
    expect(fetched).toEqual([
      { stream: 'orders', partition: 0, index: 42, metadata: 'host-1', leaderEpoch: 3 },
      { stream: 'orders', partition: 1, index: -1, metadata: '', leaderEpoch: -1 },
      { stream: 'orders', partition: 3, index: 7, metadata: '', leaderEpoch: -1 },
      { stream: 'nope', partition: 0, index: -1, metadata: '', leaderEpoch: -1 },
    ]);
    expect((await fetchAll('g')).map((f) => [f.partition, f.index])).toEqual([
      [0, 42],
      [3, 7],
    ]);
    expect(await fetchAll('unknown-group')).toEqual([]);
  });

  it('later commits win', async () => {
    await simpleCommit('g', [{ partition: 1, index: 5 }]);
    await simpleCommit('g', [{ partition: 1, index: 9 }]);
    expect((await fetchAll('g'))[0]?.index).toBe(9);
  });

  it('accepts a simple commit (generation -1) for an unknown or Empty group, and lists that group as Empty', async () => {
    expect(await simpleCommit('tool', [{ partition: 2, index: 11 }])).toEqual([
      { stream: 'orders', partition: 2 },
    ]);
    expect(await h.coordinator.listGroups()).toEqual([
      { groupId: 'tool', protocolType: '', state: 'Empty' },
    ]);
    expect((await h.coordinator.describeGroups(['tool']))[0]).toMatchObject({
      state: 'Empty',
      members: [],
    });
  });

  it('refuses a simple commit while the group has members', async () => {
    await joinAndSync([new TestConsumer(h, 'g', 'a')]);
    const [r] = await simpleCommit('g', [{ partition: 0, index: 1 }]);
    expect(r?.error?.code).toBe('SPS_ERR_UNKNOWN_MEMBER');
    expect(await fetchAll('g')).toEqual([]);
  });

  it('refuses commits from stale generations, unknown members and during CompletingRebalance', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    await joinAndSync([a]);
    const stale = await h.coordinator.commitOffsets({
      groupId: 'g',
      generationId: a.generationId - 1,
      memberId: a.memberId,
      offsets: [{ stream: 'orders', partition: 0, index: 3, metadata: null }],
    });
    expect(stale[0]?.error?.code).toBe('SPS_ERR_ILLEGAL_GENERATION');
    const stranger = await h.coordinator.commitOffsets({
      groupId: 'g',
      generationId: a.generationId,
      memberId: 'who',
      offsets: [{ stream: 'orders', partition: 0, index: 3, metadata: null }],
    });
    expect(stranger[0]?.error?.code).toBe('SPS_ERR_UNKNOWN_MEMBER');
    const noGroup = await h.coordinator.commitOffsets({
      groupId: 'never-joined',
      generationId: 4,
      memberId: 'who',
      offsets: [{ stream: 'orders', partition: 0, index: 3, metadata: null }],
    });
    expect(noGroup[0]?.error?.code).toBe('SPS_ERR_ILLEGAL_GENERATION');

    // A newcomer starts a rebalance: commits with the current generation still land
    // (members commit before rejoining), but not once the join phase is over and sync pending.
    const b = new TestConsumer(h, 'g', 'b');
    const bJoin = b.join();
    await settle();
    expect((await a.commit([{ partition: 0, index: 5 }]))[0]?.error).toBeUndefined();
    await a.join();
    await bJoin;
    const [during] = await a.commit([{ partition: 0, index: 6 }]);
    expect(during?.error?.code).toBe('SPS_ERR_REBALANCE_IN_PROGRESS');
    expect((await fetchAll('g')).map((f) => f.index)).toEqual([5]);
  });

  it('fails only the partitions that do not exist', async () => {
    const results = await simpleCommit('g', [
      { partition: 0, index: 1 },
      { stream: 'ghost', partition: 0, index: 1 },
      { partition: 9, index: 1 },
      { partition: 1, index: -4 },
    ]);
    expect(results.map((r) => r.error?.code)).toEqual([
      undefined,
      'SPS_ERR_UNKNOWN_STREAM',
      'SPS_ERR_UNKNOWN_PARTITION',
      'SPS_ERR_INVALID_ARGUMENT',
    ]);
    expect((await fetchAll('g')).map((f) => [f.stream, f.partition])).toEqual([['orders', 0]]);
  });
});

describe('group administration', () => {
  it('describes an unknown group as Dead and lists live groups with their state', async () => {
    expect(await h.coordinator.describeGroups(['nope'])).toEqual([
      { groupId: 'nope', state: 'Dead', protocolType: '', protocol: '', members: [] },
    ]);
    await joinAndSync([new TestConsumer(h, 'b-live', 'a')]);
    await simpleCommit('a-idle', [{ partition: 0, index: 1 }]);
    expect(await h.coordinator.listGroups()).toEqual([
      { groupId: 'a-idle', protocolType: '', state: 'Empty' },
      { groupId: 'b-live', protocolType: 'consumer', state: 'Stable' },
    ]);
  });

  it('deletes only Empty groups, with their committed indexes', async () => {
    const a = new TestConsumer(h, 'live', 'a');
    await joinAndSync([a]);
    await a.commit([{ partition: 0, index: 3 }]);
    await simpleCommit('idle', [{ partition: 0, index: 1 }]);
    const results = await h.coordinator.deleteGroups(['live', 'idle', 'nope']);
    expect(results.map((r) => [r.groupId, r.error?.code])).toEqual([
      ['live', 'SPS_ERR_GROUP_NOT_EMPTY'],
      ['idle', undefined],
      ['nope', 'SPS_ERR_UNKNOWN_GROUP'],
    ]);
    expect((await h.coordinator.listGroups()).map((g) => g.groupId)).toEqual(['live']);
    expect(await fetchAll('idle')).toEqual([]);

    await a.leave();
    expect((await h.coordinator.deleteGroups(['live']))[0]?.error).toBeUndefined();
    expect(await h.coordinator.listGroups()).toEqual([]);
    expect((await h.coordinator.describeGroups(['live']))[0]?.state).toBe('Dead');
    // Deleted means gone after a restart too.
    await h.coordinator.close();
    h.coordinator = await h.reopen();
    expect(await fetchAll('live')).toEqual([]);
  });

  it('deletes the commits a group queued just before its deletion too', async () => {
    const committing = simpleCommit('idle', [{ partition: 0, index: 1 }]);
    const deleting = h.coordinator.deleteGroups(['idle']);
    expect((await committing)[0]?.error).toBeUndefined();
    expect((await deleting)[0]?.error).toBeUndefined();
    expect(await fetchAll('idle')).toEqual([]);
    expect(await h.coordinator.listGroups()).toEqual([]);
  });

  it('resets indexes to earliest, latest, a time or given indexes — only while the group is Empty', async () => {
    h.logView.setRecords('payments', 0, 10, [1000, 2000, 3000]); // indexes 10..12, HW 13
    h.logView.setRecords('payments', 1, 0, [1500, 2500]); // indexes 0..1, HW 2
    const earliest = await h.coordinator.resetOffsets('g', 'payments', { kind: 'earliest' });
    expect(earliest).toEqual([
      { partition: 0, index: 10 },
      { partition: 1, index: 0 },
    ]);
    expect(await h.coordinator.resetOffsets('g', 'payments', { kind: 'latest' }, [1])).toEqual([
      { partition: 1, index: 2 },
    ]);
    expect(
      await h.coordinator.resetOffsets('g', 'payments', { kind: 'time', timestamp: 2000 }),
    ).toEqual([
      { partition: 0, index: 11 },
      { partition: 1, index: 1 },
    ]);
    expect(
      await h.coordinator.resetOffsets('g', 'payments', { kind: 'time', timestamp: 9999 }),
    ).toEqual([
      { partition: 0, index: 13 }, // nothing that late: the high watermark, as kafkajs
      { partition: 1, index: 2 },
    ]);
    expect(
      await h.coordinator.resetOffsets('g', 'payments', {
        kind: 'index',
        indexes: { 0: 11, 1: 99 },
      }),
    ).toEqual([
      { partition: 0, index: 11 },
      { partition: 1, index: 2 }, // clamped to the high watermark
    ]);
    expect((await fetchAll('g')).map((f) => [f.partition, f.index])).toEqual([
      [0, 11],
      [1, 2],
    ]);

    await rejectsWith(
      h.coordinator.resetOffsets('g', 'ghost', { kind: 'earliest' }),
      'SPS_ERR_UNKNOWN_STREAM',
    );
    await rejectsWith(
      h.coordinator.resetOffsets('g', 'payments', { kind: 'earliest' }, [2]),
      'SPS_ERR_UNKNOWN_PARTITION',
    );

    const a = new TestConsumer(h, 'g', 'a', ['payments']);
    await joinAndSync([a]);
    await rejectsWith(
      h.coordinator.resetOffsets('g', 'payments', { kind: 'earliest' }),
      'SPS_ERR_GROUP_NOT_EMPTY',
    );
    expect((await fetchAll('g')).map((f) => f.index)).toEqual([11, 2]);
  });

  it('reports lag as high watermark minus committed index, per partition', async () => {
    const a = new TestConsumer(h, 'g', 'a', ['orders']);
    await joinAndSync([a]);
    await a.commit([
      { partition: 0, index: 100 },
      { partition: 1, index: 60 },
    ]);
    await a.commit([{ stream: 'payments', partition: 1, index: 4 }]);
    const lag = await h.coordinator.lag('g');
    expect(lag).toEqual([
      { stream: 'orders', partition: 0, committedIndex: 100, highWatermark: 100, lag: 0 },
      { stream: 'orders', partition: 1, committedIndex: 60, highWatermark: 100, lag: 40 },
      // Subscribed but never committed: no lag figure.
      { stream: 'orders', partition: 2, committedIndex: -1, highWatermark: 100, lag: null },
      { stream: 'orders', partition: 3, committedIndex: -1, highWatermark: 100, lag: null },
      { stream: 'orders', partition: 4, committedIndex: -1, highWatermark: 100, lag: null },
      { stream: 'payments', partition: 0, committedIndex: -1, highWatermark: 10, lag: null },
      { stream: 'payments', partition: 1, committedIndex: 4, highWatermark: 10, lag: 6 },
    ]);
    await rejectsWith(h.coordinator.lag('nope'), 'SPS_ERR_UNKNOWN_GROUP');
  });

  it("forgets every group's indexes on a deleted stream", async () => {
    await simpleCommit('g1', [
      { partition: 0, index: 1 },
      { stream: 'payments', partition: 0, index: 2 },
    ]);
    await simpleCommit('g2', [{ partition: 4, index: 3 }]);
    h.logView.deleteStream('orders');
    await h.coordinator.deleteStreamOffsets('orders');
    expect((await fetchAll('g1')).map((f) => f.stream)).toEqual(['payments']);
    expect(await fetchAll('g2')).toEqual([]);
  });

  it('expires the indexes of a group Empty for the retention period, then the group', async () => {
    await h.coordinator.close();
    h = await openHarness({ offsetsRetentionMs: 60_000, offsetsRetentionCheckIntervalMs: 10_000 });
    const a = new TestConsumer(h, 'busy', 'a', ['orders'], { sessionTimeoutMs: 1_000_000 });
    await joinAndSync([a]);
    await a.commit([{ partition: 0, index: 5 }]);
    await simpleCommit('idle', [{ partition: 0, index: 1 }]);
    h.clock.advance(50_000);
    await simpleCommit('idle', [{ partition: 1, index: 2 }]); // a later commit lives longer
    h.clock.advance(20_000);
    await settle();
    expect((await fetchAll('idle')).map((f) => f.partition)).toEqual([1]);
    expect((await fetchAll('busy')).map((f) => f.index)).toEqual([5]); // has members: kept
    h.clock.advance(50_000);
    await settle();
    expect(await fetchAll('idle')).toEqual([]);
    expect((await h.coordinator.listGroups()).map((g) => g.groupId)).toEqual(['busy']);
  });
});
