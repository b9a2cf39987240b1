import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  joinAndSync,
  openHarness,
  REBALANCE_MS,
  rejectsWith,
  SESSION_MS,
  settle,
  TestConsumer,
  track,
} from './coordinator-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.coordinator.close();
});

const state = async (groupId = 'g'): Promise<string | undefined> =>
  (await h.coordinator.describeGroups([groupId]))[0]?.state;

/** What a kafkajs member does when a heartbeat says REBALANCE_IN_PROGRESS: rejoin. */
async function heartbeatSaysRejoin(c: TestConsumer): Promise<void> {
  await rejectsWith(c.heartbeat(), 'SPS_ERR_REBALANCE_IN_PROGRESS');
}

describe('rebalancing', () => {
  it('grows from 1 to 4 members and shrinks back with the right generations and leader', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => new TestConsumer(h, 'g', id)) as [
      TestConsumer,
      TestConsumer,
      TestConsumer,
      TestConsumer,
    ];
    await joinAndSync([a]);
    expect(a.generationId).toBe(1);

    // b joins: the group prepares a rebalance; a learns it from its heartbeat and rejoins.
    const bJoin = track(b.join());
    await settle();
    expect(bJoin.done()).toBe(false);
    expect(await state()).toBe('PreparingRebalance');
    await heartbeatSaysRejoin(a);
    await Promise.all([a.join(), bJoin.promise]);
    expect([a.generationId, b.generationId]).toEqual([2, 2]);
    expect(a.leaderId).toBe(a.memberId); // the leader stays while present
    expect(b.leaderId).toBe(a.memberId);
    const parkedB = track(b.sync());
    await settle();
    expect(parkedB.done()).toBe(false);
    await a.sync();
    await parkedB.promise;
    expect(await state()).toBe('Stable');

    // c and d join together; one rebalance takes all four to generation 3.
    const newcomers = [c.join(), d.join()];
    await settle();
    await heartbeatSaysRejoin(a);
    await heartbeatSaysRejoin(b);
    await joinAndSync([a, b]);
    await Promise.all(newcomers);
    await Promise.all([c.sync(), d.sync()]);
    expect([a, b, c, d].map((m) => m.generationId)).toEqual([3, 3, 3, 3]);
    expect(new Set([a, b, c, d].map((m) => m.leaderId))).toEqual(new Set([a.memberId]));
    expect([a, b, c, d].flatMap((m) => m.assigned.flatMap((t) => t.partitions)).sort()).toEqual([
      0, 1, 2, 3, 4,
    ]);

    // The leader leaves: the first remaining member (join order) leads generation 4.
    await a.leave();
    for (const m of [b, c, d]) await heartbeatSaysRejoin(m);
    await joinAndSync([b, c, d]);
    expect([b, c, d].map((m) => m.generationId)).toEqual([4, 4, 4]);
    expect(b.leaderId).toBe(b.memberId);
    await rejectsWith(a.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');

    // Two leave in one LeaveGroup; the last one standing rebalances alone, then leaves too.
    const left = await h.coordinator.leaveGroup({
      groupId: 'g',
      members: [{ memberId: b.memberId }, { memberId: c.memberId }, { memberId: 'nobody' }],
    });
    expect(left.map((r) => r.error?.code)).toEqual([
      undefined,
      undefined,
      'SPS_ERR_UNKNOWN_MEMBER',
    ]);
    await heartbeatSaysRejoin(d);
    await joinAndSync([d]);
    expect(d.generationId).toBe(5);
    expect(d.assigned).toEqual([{ topic: 'orders', partitions: [0, 1, 2, 3, 4] }]);
    await d.leave();
    const [empty] = await h.coordinator.describeGroups(['g']);
    expect(empty).toMatchObject({ state: 'Empty', protocolType: '', protocol: '', members: [] });
  });

  it('expires a member that stops heartbeating after its session timeout; the rest rebalance', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    const b = new TestConsumer(h, 'g', 'b', ['orders'], { sessionTimeoutMs: 30_000 });
    await joinAndSync([a, b]);
    // Newcomers joining together share the first generation (the rebalance waits for pending ids).
    expect([a.generationId, b.generationId]).toEqual([1, 1]);
    // b is 30 s from expiry; a heartbeats every 3 s, b never again.
    for (let t = 3_000; t < 30_000; t += 3_000) {
      h.clock.advance(3_000);
      await a.heartbeat();
    }
    expect(await state()).toBe('Stable');
    h.clock.advance(3_000);
    await heartbeatSaysRejoin(a);
    await joinAndSync([a]);
    expect(a.generationId).toBe(2);
    expect(a.assigned).toEqual([{ topic: 'orders', partitions: [0, 1, 2, 3, 4] }]);
    const [g] = await h.coordinator.describeGroups(['g']);
    expect(g?.members.map((m) => m.memberId)).toEqual([a.memberId]);
    await rejectsWith(b.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');
  });

  it('goes Empty when the last member expires', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    await joinAndSync([a]);
    h.clock.advance(SESSION_MS);
    expect(await state()).toBe('Empty');
    await rejectsWith(a.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');
  });

  it('drops a member that does not rejoin within the rebalance timeout', async () => {
    const a = new TestConsumer(h, 'g', 'a', ['orders'], { sessionTimeoutMs: 60_000 });
    const b = new TestConsumer(h, 'g', 'b', ['orders'], { sessionTimeoutMs: 60_000 });
    await joinAndSync([a, b]);
    const c = new TestConsumer(h, 'g', 'c', ['orders'], { sessionTimeoutMs: 60_000 });
    const cJoin = track(c.join());
    await settle();
    await heartbeatSaysRejoin(a);
    const aJoin = track(a.join());
    // b keeps heartbeating (and ignoring the answer) but never rejoins.
    for (let t = 0; t < REBALANCE_MS - 5_000; t += 5_000) {
      h.clock.advance(5_000);
      await heartbeatSaysRejoin(b);
    }
    await settle();
    expect(aJoin.done() || cJoin.done()).toBe(false);
    h.clock.advance(5_000);
    const [ja, jc] = await Promise.all([aJoin.promise, cJoin.promise]);
    expect(ja.generationId).toBe(2);
    expect(ja.members.map((m) => m.memberId).sort()).toEqual([a.memberId, c.memberId].sort());
    expect(jc.leaderId).toBe(a.memberId);
    await rejectsWith(b.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');
  });

  it("parks a follower's SyncGroup until the leader's arrives", async () => {
    const a = new TestConsumer(h, 'g', 'a', ['orders'], { sessionTimeoutMs: 60_000 });
    const b = new TestConsumer(h, 'g', 'b', ['orders'], { sessionTimeoutMs: 60_000 });
    await Promise.all([a.join(), b.join()]);
    const [leader, follower] = a.isLeader ? [a, b] : [b, a];
    const parked = track(follower.sync());
    await settle();
    h.clock.advance(REBALANCE_MS - 1); // just short of the sync deadline
    await settle();
    expect(parked.done()).toBe(false);
    expect(await state()).toBe('CompletingRebalance');
    await leader.sync();
    await parked.promise;
    expect(await state()).toBe('Stable');
    expect([...leader.assigned, ...follower.assigned].flatMap((t) => t.partitions).sort()).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('drops a leader that never syncs and tells the waiting follower to rejoin', async () => {
    const a = new TestConsumer(h, 'g', 'a', ['orders'], { sessionTimeoutMs: 60_000 });
    const b = new TestConsumer(h, 'g', 'b', ['orders'], { sessionTimeoutMs: 60_000 });
    await Promise.all([a.join(), b.join()]);
    const [leader, follower] = a.isLeader ? [a, b] : [b, a];
    const parked = follower.sync();
    await settle();
    h.clock.advance(REBALANCE_MS);
    await rejectsWith(parked, 'SPS_ERR_REBALANCE_IN_PROGRESS');
    await rejectsWith(leader.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');
    await joinAndSync([follower]);
    expect(follower.isLeader).toBe(true);
    expect(follower.generationId).toBe(2);
    expect(follower.assigned).toEqual([{ topic: 'orders', partitions: [0, 1, 2, 3, 4] }]);
  });

  it('answers SyncGroup by state and generation', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    await a.join();
    const sync = (generationId: number, memberId = a.memberId) =>
      h.coordinator.syncGroup({ groupId: 'g', generationId, memberId, assignments: [] });
    await rejectsWith(sync(0), 'SPS_ERR_ILLEGAL_GENERATION');
    await rejectsWith(sync(1, 'who'), 'SPS_ERR_UNKNOWN_MEMBER');
    await rejectsWith(
      h.coordinator.syncGroup({
        groupId: 'g',
        generationId: 1,
        memberId: a.memberId,
        protocolName: 'range',
        assignments: [],
      }),
      'SPS_ERR_INCONSISTENT_GROUP_PROTOCOL',
    );
    await rejectsWith(
      h.coordinator.syncGroup({
        groupId: 'nope',
        generationId: 1,
        memberId: a.memberId,
        assignments: [],
      }),
      'SPS_ERR_UNKNOWN_MEMBER',
    );
    await a.sync();
    // Stable: a late SyncGroup gets the stored assignment.
    expect((await sync(1)).assignment.equals((await sync(1)).assignment)).toBe(true);
    const b = new TestConsumer(h, 'g', 'b');
    void b.join().catch(() => undefined);
    await settle();
    await rejectsWith(sync(1), 'SPS_ERR_REBALANCE_IN_PROGRESS');
  });

  it('tells members to rejoin through heartbeats while preparing, and accepts them otherwise', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    await a.join();
    await expect(a.heartbeat()).resolves.toBeUndefined(); // CompletingRebalance: fine
    await a.sync();
    await expect(a.heartbeat()).resolves.toBeUndefined();
    await rejectsWith(
      h.coordinator.heartbeat({ groupId: 'g', generationId: 0, memberId: a.memberId }),
      'SPS_ERR_ILLEGAL_GENERATION',
    );
    const b = new TestConsumer(h, 'g', 'b');
    const bJoin = b.join();
    await settle();
    await heartbeatSaysRejoin(a);
    await joinAndSync([a]);
    await bJoin;
    await b.sync();
    expect(a.generationId).toBe(2);
  });

  it('gives a follower that rejoins unchanged its generation back, and rebalances for the leader or new metadata', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    const b = new TestConsumer(h, 'g', 'b');
    await joinAndSync([a, b]);
    const [leader, follower] = a.isLeader ? [a, b] : [b, a];
    const same = await follower.join();
    expect(same.generationId).toBe(1);
    expect(same.members).toEqual([]);
    expect(await state()).toBe('Stable');

    const leaderRejoin = leader.join();
    await settle();
    expect(await state()).toBe('PreparingRebalance');
    await heartbeatSaysRejoin(follower);
    await Promise.all([leaderRejoin, follower.join()]);
    const followerSync = follower.sync();
    await leader.sync();
    await followerSync;
    expect(leader.generationId).toBe(2);

    // New subscription (metadata) from the follower: a rebalance, with the new metadata.
    const changed = new TestConsumer(h, 'g', 'b', ['orders', 'payments']);
    changed.memberId = follower.memberId;
    const rejoin = changed.join();
    await settle();
    await heartbeatSaysRejoin(leader);
    const [jl] = await Promise.all([leader.join(), rejoin]);
    expect(jl.generationId).toBe(3);
    expect(jl.members).toHaveLength(2);
  });

  it('waits the initial rebalance delay so members starting together share the first generation', async () => {
    await h.coordinator.close();
    h = await openHarness({ initialRebalanceDelayMs: 3_000 });
    const a = new TestConsumer(h, 'g', 'a');
    const b = new TestConsumer(h, 'g', 'b');
    const aJoin = track(a.join());
    await settle();
    h.clock.advance(2_000);
    const bJoin = track(b.join());
    await settle();
    h.clock.advance(2_000); // the first delay is over, but b bought another
    await settle();
    expect(aJoin.done() || bJoin.done()).toBe(false);
    h.clock.advance(1_000);
    const [ja, jb] = await Promise.all([aJoin.promise, bJoin.promise]);
    expect([ja.generationId, jb.generationId]).toEqual([1, 1]);
  });
});
