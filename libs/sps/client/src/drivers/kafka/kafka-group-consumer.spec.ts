// Group membership of the kafka driver beyond the conformance suite: what happens to handled
// and in-flight records when partitions move (in both ways kafkajs learns of a rebalance),
// on stop, when the coordinator forgets a member, when committed records were removed by
// TTL, and where a group without commits starts.
import { RecordCollector, waitFor } from '@shopstream/sps-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../connect';
import { type BrokerFixture, FAST, gate, openBrokerFixture } from './__tests__/broker-fixture';

let f: BrokerFixture;
beforeEach(async () => {
  f = await openBrokerFixture();
  await f.client.admin().createStream('orders', { partitions: 2 });
});
afterEach(() => f.close());

const toPartition = (partition: number, values: string[]) =>
  f.client.producer().send(
    'orders',
    values.map((value) => ({ value, partition })),
  );
const NO_TIMED_COMMITS = { commit: { intervalMs: 3_600_000, maxPending: 1_000_000 } };

describe('kafka group consumer: revocation', () => {
  it('commits what it handled when kafkajs itself learns of the rebalance, before the rejoin', async () => {
    // Commits only on revoke: if the revoke's commit did not land before the partitions moved,
    // the second member would handle the first member's records again.
    await toPartition(0, ['p0-a', 'p0-b']);
    await toPartition(1, ['p1-a', 'p1-b']);
    const all = new RecordCollector();
    const first = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      ...NO_TIMED_COMMITS,
    });
    await first.start(all.handler);
    await all.waitForCount(4);

    const second = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      ...NO_TIMED_COMMITS,
    });
    await second.start(all.handler);
    await waitFor(() => first.assignment().length === 1 && second.assignment().length === 1);
    await toPartition(0, ['p0-c']);
    await toPartition(1, ['p1-c']);
    await all.waitForValues(['p0-c', 'p1-c']);
    expect(all.values().sort()).toEqual(['p0-a', 'p0-b', 'p0-c', 'p1-a', 'p1-b', 'p1-c']);
  });

  it('stops a batch when its own heartbeat sees the rebalance, and rejoins only after the commit', async () => {
    // The record in flight outlives the rebalance notice: only the driver's heartbeat (kafkajs
    // sends none while a batch runs) can tell, by aborting the record's signal.
    await toPartition(0, ['p0-a', 'p0-b', 'p0-c']);
    await toPartition(1, ['p1-a']);
    const order: string[] = [];
    const all = new RecordCollector();
    const first = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      ...NO_TIMED_COMMITS,
    });
    first.on('revoked', () => order.push('revoked'));
    await first.start(async (m, ctx) => {
      if (m.value!.toString() === 'p0-a') {
        order.push('p0-a started');
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
        order.push('p0-a done');
      }
      all.handler(m);
    });
    await waitFor(() => order.includes('p0-a started'));

    const second = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    await second.start(all.handler);
    await all.waitForValues(['p0-a', 'p0-b', 'p0-c', 'p1-a']);
    await waitFor(() => first.assignment().length === 1 && second.assignment().length === 1);

    expect(order.slice(0, 3)).toEqual(['p0-a started', 'p0-a done', 'revoked']);
    // p0-b and p0-c were left to the partition's next owner; p0-a and p1-a were committed
    // by the revoke (no timed commits), so nobody handles them again.
    expect(all.values().sort()).toEqual(['p0-a', 'p0-b', 'p0-c', 'p1-a']);
  });

  it('keeps its session while a record outlasts the session timeout, also while being revoked', async () => {
    // kafkajs heartbeats only between batches; the driver heartbeats while records are in flight.
    const work = () => new Promise((resolve) => setTimeout(resolve, FAST.sessionTimeoutMs + 500));
    await toPartition(0, ['slow-1', 'slow-2']);
    const revoked: unknown[] = [];
    const handled = new RecordCollector();
    const first = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      ...NO_TIMED_COMMITS,
    });
    first.on('revoked', (e) => revoked.push(e));
    let second: ReturnType<typeof f.client.consumer> | undefined;
    await first.start(async (m) => {
      if (m.value!.toString() === 'slow-2') {
        // Another member joins while this record still has a session timeout of work to do.
        second = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
        void second.start(handled.handler);
      }
      await work();
      handled.handler(m);
    });
    await handled.waitForValues(['slow-1', 'slow-2'], { timeoutMs: 20_000 });
    await waitFor(() => second !== undefined && second.assignment().length === 1, {
      timeoutMs: 20_000,
    });
    expect(revoked).toHaveLength(1); // only the rebalance the second member caused
    expect(handled.values()).toEqual(['slow-1', 'slow-2']); // both committed in time: once each
  });

  it('on stop, finishes the record in flight, commits it and leaves; the rest goes to the next member', async () => {
    await toPartition(0, ['a', 'b', 'c']);
    const slow = gate();
    const handled = new RecordCollector();
    const consumer = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      ...NO_TIMED_COMMITS,
    });
    await consumer.start(async (m) => {
      if (m.value!.toString() === 'b') await slow.wait;
      handled.handler(m);
    });
    await waitFor(() => handled.values().includes('a'));
    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
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
});

describe('kafka group consumer: membership', () => {
  it('rejoins with a new member id when the coordinator forgot it, and goes on consuming', async () => {
    const consumer = f.client.consumer({ group: 'mailer', streams: ['orders'], ...FAST });
    const handled = new RecordCollector();
    await consumer.start(handled.handler);
    const [before] = (await f.client.admin().describeGroup('mailer')).members;
    await f.broker.engine.coordinator.leaveGroup({
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

  it('shares a group with an embedded member on the broker engine (same assignor, same coordinator)', async () => {
    const embedded = await connect({ driver: 'embedded', engine: f.broker.engine });
    try {
      const [viaKafka, viaEngine] = [new RecordCollector(), new RecordCollector()];
      const kafkaMember = f.client.consumer({ group: 'mixed', streams: ['orders'], ...FAST });
      await kafkaMember.start(viaKafka.handler);
      const engineMember = embedded.consumer({ group: 'mixed', streams: ['orders'], ...FAST });
      await engineMember.start(viaEngine.handler);
      await waitFor(
        () => kafkaMember.assignment().length === 1 && engineMember.assignment().length === 1,
        { description: 'a 1 + 1 split across drivers' },
      );
      await toPartition(0, ['a0', 'a1']);
      await toPartition(1, ['b0', 'b1']);
      await waitFor(() => viaKafka.records.length + viaEngine.records.length >= 4);
      expect([...viaKafka.values(), ...viaEngine.values()].sort()).toEqual([
        'a0',
        'a1',
        'b0',
        'b1',
      ]);
      expect(viaKafka.partitions()).toEqual(kafkaMember.assignment().map((p) => p.partition));
      expect(viaEngine.partitions()).toEqual(engineMember.assignment().map((p) => p.partition));

      await engineMember.stop(); // the kafka member takes both partitions over
      await waitFor(() => kafkaMember.assignment().length === 2);
      await toPartition(0, ['a2']);
      await toPartition(1, ['b2']);
      await viaKafka.waitForValues(['a2', 'b2']);
    } finally {
      await embedded.close();
    }
  });

  it('refuses to start with a session timeout the coordinator does not allow', async () => {
    const consumer = f.client.consumer({
      group: 'mailer',
      streams: ['orders'],
      ...FAST,
      sessionTimeoutMs: 50, // the broker's minimum is 100
      heartbeatIntervalMs: 10,
    });
    await expect(consumer.start(() => undefined)).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_SESSION_TIMEOUT',
    });
    expect(consumer.assignment()).toEqual([]);
  });
});

describe('kafka group consumer: positions', () => {
  it('reads on from the log start, and says so, when its committed index was removed by TTL', async () => {
    const admin = f.client.admin();
    await admin.createStream('audit', { partitions: 1, ttlMs: 60_000 });
    const hourAgo = Date.now() - 3_600_000;
    await f.client.producer().send(
      'audit',
      ['old-0', 'old-1', 'old-2'].map((value, i) => ({
        value,
        partition: 0,
        timestamp: hourAgo + i,
      })),
    );
    await admin.resetGroup('auditor', 'audit', { indexes: { 0: 1 } }); // committed: index 1
    await f.broker.engine.enforceRetention();
    expect((await admin.describeStream('audit')).partitions[0]!.logStartIndex).toBe(3);
    await f.client.producer().send('audit', [{ value: 'new-0', partition: 0 }]);

    const handled = new RecordCollector();
    const resets: unknown[] = [];
    const consumer = f.client.consumer({ group: 'auditor', streams: ['audit'], ...FAST });
    consumer.on('index-reset', (e) => resets.push(e));
    await consumer.start(handled.handler);
    await handled.waitForValues(['new-0']);
    expect(handled.values()).toEqual(['new-0']);
    expect(resets).toEqual([{ stream: 'audit', partition: 0, requested: 1, restartedAt: 3 }]);
  });

  it('starts a group without commits at a time, or at given indexes, per partition', async () => {
    const t0 = Date.now() - 60_000;
    await f.client.producer().send(
      'orders',
      ['a0', 'a1', 'a2'].map((value, i) => ({ value, partition: 0, timestamp: t0 + i * 10_000 })),
    );
    await f.client.producer().send(
      'orders',
      ['b0', 'b1', 'b2'].map((value, i) => ({ value, partition: 1, timestamp: t0 + i * 10_000 })),
    );
    const byTime = new RecordCollector();
    await f.client
      .consumer({ group: 'by-time', streams: ['orders'], from: { time: t0 + 5_000 }, ...FAST })
      .start(byTime.handler);
    await byTime.waitForCount(4);
    expect(byTime.values().sort()).toEqual(['a1', 'a2', 'b1', 'b2']);

    const byIndex = new RecordCollector();
    await f.client
      .consumer({
        group: 'by-index',
        streams: ['orders'],
        from: { indexes: { orders: { 1: 2 } } },
        ...FAST,
      })
      .start(byIndex.handler);
    await byIndex.waitForCount(4); // partition 0 not named: from its earliest record
    expect(byIndex.values().sort()).toEqual(['a0', 'a1', 'a2', 'b2']);
  });

  it('a reader asking beyond the high watermark is moved to the high watermark, and told so', async () => {
    await toPartition(0, ['a', 'b']);
    const handled = new RecordCollector();
    const resets: unknown[] = [];
    const reader = f.client.reader({
      stream: 'orders',
      partitions: [0],
      from: { indexes: { 0: 7 } },
      ...FAST,
    });
    reader.on('index-reset', (e) => resets.push(e));
    await reader.start(handled.handler);
    await waitFor(() => resets.length === 1);
    expect(resets).toEqual([{ stream: 'orders', partition: 0, requested: 7, restartedAt: 2 }]);
    await toPartition(0, ['c']);
    await handled.waitForValues(['c']);
    expect(handled.values()).toEqual(['c']);
    await reader.stop();
  });
});
