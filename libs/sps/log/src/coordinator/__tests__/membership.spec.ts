import { decodeAssignment } from '@shopstream/sps-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  joinAndSync,
  openHarness,
  rejectsWith,
  SESSION_MS,
  TestConsumer,
} from './coordinator-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.coordinator.close();
});

describe('joining a group', () => {
  it('takes a single member through join, sync and heartbeat to Stable', async () => {
    const a = new TestConsumer(h, 'mailer', 'mailer-1');
    const joined = await a.join();
    expect(joined).toMatchObject({
      generationId: 1,
      protocolType: 'consumer',
      protocolName: 'RoundRobinAssigner',
      leaderId: a.memberId,
      memberId: a.memberId,
    });
    expect(joined.members.map((m) => m.memberId)).toEqual([a.memberId]);
    expect((await h.coordinator.describeGroups(['mailer']))[0]?.state).toBe('CompletingRebalance');

    await a.sync();
    expect(a.assigned).toEqual([{ topic: 'orders', partitions: [0, 1, 2, 3, 4] }]);
    await expect(a.heartbeat()).resolves.toBeUndefined();

    const [described] = await h.coordinator.describeGroups(['mailer']);
    expect(described).toMatchObject({
      groupId: 'mailer',
      state: 'Stable',
      protocolType: 'consumer',
      protocol: 'RoundRobinAssigner',
    });
    expect(described?.members).toEqual([
      expect.objectContaining({
        memberId: a.memberId,
        clientId: 'mailer-1',
        clientHost: '/127.0.0.1',
        groupInstanceId: null,
        assignedPartitions: [{ stream: 'orders', partitions: [0, 1, 2, 3, 4] }],
      }),
    ]);
  });

  it('answers a v4+ newcomer MEMBER_ID_REQUIRED with a generated id, then admits it with that id', async () => {
    const a = new TestConsumer(h, 'mailer', 'mailer-1');
    const e = await rejectsWith(
      h.coordinator.joinGroup(a.joinRequest()),
      'SPS_ERR_MEMBER_ID_REQUIRED',
    );
    const memberId = String(e.context.memberId);
    expect(memberId).toMatch(/^mailer-1-[0-9a-f-]{36}$/);
    // A pending newcomer is not a member yet.
    expect((await h.coordinator.describeGroups(['mailer']))[0]).toMatchObject({
      state: 'Empty',
      members: [],
    });

    const joined = await h.coordinator.joinGroup(a.joinRequest({ memberId }));
    expect(joined).toMatchObject({ generationId: 1, memberId, leaderId: memberId });
  });

  it('forgets a pending member that does not come back within its session timeout', async () => {
    const a = new TestConsumer(h, 'mailer', 'mailer-1');
    const e = await rejectsWith(
      h.coordinator.joinGroup(a.joinRequest()),
      'SPS_ERR_MEMBER_ID_REQUIRED',
    );
    h.clock.advance(SESSION_MS);
    await rejectsWith(
      h.coordinator.joinGroup(a.joinRequest({ memberId: String(e.context.memberId) })),
      'SPS_ERR_UNKNOWN_MEMBER',
    );
  });

  it('admits a JoinGroup v0-3 newcomer at once', async () => {
    const joined = await h.coordinator.joinGroup(
      new TestConsumer(h, 'mailer', 'old-client').joinRequest({ requireKnownMemberId: false }),
    );
    expect(joined.memberId).toMatch(/^old-client-/);
    expect(joined.generationId).toBe(1);
  });

  it('refuses session timeouts outside the configured bounds', async () => {
    const a = new TestConsumer(h, 'mailer', 'm');
    for (const sessionTimeoutMs of [5_999, 1_800_001]) {
      await rejectsWith(
        h.coordinator.joinGroup(a.joinRequest({ sessionTimeoutMs })),
        'SPS_ERR_INVALID_SESSION_TIMEOUT',
      );
    }
    expect(await h.coordinator.listGroups()).toEqual([]);
  });

  it('refuses a member whose protocol type or assignors share nothing with the group', async () => {
    await joinAndSync([new TestConsumer(h, 'g', 'a')]);
    const other = new TestConsumer(h, 'g', 'b', ['orders'], { protocols: ['range'] });
    await rejectsWith(
      h.coordinator.joinGroup(other.joinRequest()),
      'SPS_ERR_INCONSISTENT_GROUP_PROTOCOL',
    );
    await rejectsWith(
      h.coordinator.joinGroup(
        new TestConsumer(h, 'g', 'c').joinRequest({ protocolType: 'connect' }),
      ),
      'SPS_ERR_INCONSISTENT_GROUP_PROTOCOL',
    );
    await rejectsWith(
      h.coordinator.joinGroup(new TestConsumer(h, 'g2', 'd').joinRequest({ protocols: [] })),
      'SPS_ERR_INCONSISTENT_GROUP_PROTOCOL',
    );
  });

  it('picks the assignor by vote among those every member supports', async () => {
    const a = new TestConsumer(h, 'g', 'a', ['orders'], { protocols: ['range', 'roundrobin'] });
    const b = new TestConsumer(h, 'g', 'b', ['orders'], {
      protocols: ['sticky', 'roundrobin', 'range'],
    });
    const c = new TestConsumer(h, 'g', 'c', ['orders'], { protocols: ['roundrobin', 'range'] });
    const joined = await Promise.all([a.join(), b.join(), c.join()]);
    // Candidates: range, roundrobin. Votes: a → range, b → roundrobin, c → roundrobin.
    expect(new Set(joined.map((j) => j.protocolName))).toEqual(new Set(['roundrobin']));
  });

  it('answers UNKNOWN_MEMBER to an unknown member id, and does not create a group for it', async () => {
    const ghost = new TestConsumer(h, 'nobody', 'x');
    ghost.memberId = 'x-made-up';
    await rejectsWith(ghost.join(), 'SPS_ERR_UNKNOWN_MEMBER');
    await rejectsWith(ghost.heartbeat(), 'SPS_ERR_UNKNOWN_MEMBER');
    expect(await h.coordinator.listGroups()).toEqual([]);

    await joinAndSync([new TestConsumer(h, 'g', 'a')]);
    const stranger = new TestConsumer(h, 'g', 'b');
    stranger.memberId = 'b-made-up';
    await rejectsWith(stranger.join(), 'SPS_ERR_UNKNOWN_MEMBER');
  });

  it('refuses an empty group id for membership calls', async () => {
    await rejectsWith(
      h.coordinator.joinGroup(new TestConsumer(h, '', 'a').joinRequest()),
      'SPS_ERR_INVALID_ARGUMENT',
    );
  });

  it('fails parked requests with ENGINE_CLOSED on close, and refuses calls after it', async () => {
    const a = new TestConsumer(h, 'g', 'a');
    const b = new TestConsumer(h, 'g', 'b');
    await joinAndSync([a]);
    const parkedJoin = b.join();
    await new Promise((r) => setImmediate(r));
    await h.coordinator.close();
    await rejectsWith(parkedJoin, 'SPS_ERR_ENGINE_CLOSED');
    await rejectsWith(a.heartbeat(), 'SPS_ERR_ENGINE_CLOSED');
    await rejectsWith(h.coordinator.listGroups(), 'SPS_ERR_ENGINE_CLOSED');
  });

  it('gives idle members of a 7-member group on 5 partitions a decodable empty assignment', async () => {
    const members = Array.from({ length: 7 }, (_, i) => new TestConsumer(h, 'wide', `c${i}`));
    await joinAndSync(members);
    const owned = members.map((m) => m.assigned.flatMap((t) => t.partitions));
    expect(owned.filter((p) => p.length === 1)).toHaveLength(5);
    expect(owned.filter((p) => p.length === 0)).toHaveLength(2);
    expect(owned.flat().sort()).toEqual([0, 1, 2, 3, 4]);

    const [described] = await h.coordinator.describeGroups(['wide']);
    expect(described?.state).toBe('Stable');
    expect(described?.members).toHaveLength(7);
    const idle = described!.members.filter((m) => m.assignedPartitions?.length === 0);
    expect(idle).toHaveLength(2);
    for (const m of idle) expect(decodeAssignment(m.assignment).assignment).toEqual([]);
    for (const m of members) await expect(m.heartbeat()).resolves.toBeUndefined();
  });
});
