// Group membership of the embedded driver beyond the conformance suite: what happens to the
// record in flight when partitions move, when the consumer stops, when a member dies, and when
// the coordinator forgets a member.
import { RecordCollector, waitFor } from '@shopstream/sps-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAST, openEngineFixture, type EngineFixture } from './__tests__/engine-fixture';
import { GroupMembership } from './group-membership';

let f: EngineFixture;
beforeEach(async () => {
  f = await openEngineFixture();
  await f.client.admin().createStream('orders', { partitions: 2 });
});
afterEach(() => f.close());

const toPartition = (partition: number, values: string[]) =>
  f.client.producer().send(
    'orders',
    values.map((value) => ({ value, partition })),
  );

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('embedded group consumer', () => {
  it('finishes and commits the record in flight before a rebalance takes its partition away', async () => {
    await toPartition(0, ['p0-a', 'p0-b', 'p0-c']);
    await toPartition(1, ['p1-a']);
    const slow = gate();
    const order: string[] = [];
    const first = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    const all = new RecordCollector();
    first.on('revoked', () => order.push('revoked'));
    await first.start(async (m) => {
      if (m.value!.toString() === 'p0-a') {
        order.push('p0-a started');
        await slow.wait;
        order.push('p0-a done');
      }
      all.handler(m);
    });
    await waitFor(() => order.includes('p0-a started'));

    const second = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    const joining = second.start(all.handler);
    await waitFor(() =>
      f.engine.coordinator
        .describeGroups(['mailer'])
        .then(([g]) => g!.state === 'PreparingRebalance'),
    );
    slow.open();
    await joining;
    await all.waitForValues(['p0-a', 'p0-b', 'p0-c', 'p1-a']);
    await waitFor(() => first.assignment().length === 1 && second.assignment().length === 1);

    expect(order.slice(0, 3)).toEqual(['p0-a started', 'p0-a done', 'revoked']);
    expect(all.values().sort()).toEqual(['p0-a', 'p0-b', 'p0-c', 'p1-a']); // each exactly once
  });

  it('on stop, finishes the record in flight, commits it and leaves; the rest goes to the next member', async () => {
    await toPartition(0, ['a', 'b', 'c']);
    const slow = gate();
    const handled = new RecordCollector();
    const consumer = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      commit: { intervalMs: 600_000 },
    });
    await consumer.start(async (m) => {
      if (m.value!.toString() === 'b') await slow.wait;
      handled.handler(m);
    });
    await waitFor(() => handled.values().includes('a'));
    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false); // waits for 'b'
    slow.open();
    await stopping;
    expect(handled.values()).toEqual(['a', 'b']);
    const described = await f.client.admin().describeGroup('mailer');
    expect(described.members).toEqual([]);
    expect(described.partitions.find((p) => p.partition === 0)).toMatchObject({
      committedIndex: 2,
      lag: 1,
    });

    const next = new RecordCollector();
    await f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST }).start(next.handler);
    await next.waitForValues(['c']);
    expect(next.values()).toEqual(['c']);
  });

  it('takes over the partitions of a member that stopped heartbeating, after its session timeout', async () => {
    // A member that joins like any other, then goes silent (a frozen or crashed process).
    const silent = new GroupMembership(f.engine, {
      group: 'mailer',
      streams: ['orders'],
      clientId: 'frozen',
      sessionTimeoutMs: 300,
      rebalanceTimeoutMs: 1_000,
    });
    await silent.joinAndSync();
    const live = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    const handled = new RecordCollector();
    await live.start(handled.handler);
    await waitFor(() => live.assignment().length === 2, {
      description: 'both partitions',
      timeoutMs: 5_000,
    });
    await toPartition(0, ['x']);
    await toPartition(1, ['y']);
    await handled.waitForValues(['x', 'y']);
  });

  it('rejoins with a new member id when the coordinator forgot it, and goes on consuming', async () => {
    const consumer = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    const handled = new RecordCollector();
    await consumer.start(handled.handler);
    const [before] = (await f.client.admin().describeGroup('mailer')).members;
    await f.engine.coordinator.leaveGroup({
      groupId: 'mailer',
      members: [{ memberId: before!.memberId }],
    });
    const after = await waitFor(async () => {
      const [m] = (await f.client.admin().describeGroup('mailer')).members;
      return m && m.memberId !== before!.memberId && m.partitions.length === 2 ? m : undefined;
    });
    expect(after.clientId).toBe('sps');
    await toPartition(1, ['after-rejoin']);
    await handled.waitForValues(['after-rejoin']);
  });

  it('refuses to start with a session timeout the coordinator does not allow', async () => {
    const consumer = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      sessionTimeoutMs: 10,
    });
    await expect(consumer.start(() => undefined)).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_SESSION_TIMEOUT',
    });
  });
});
