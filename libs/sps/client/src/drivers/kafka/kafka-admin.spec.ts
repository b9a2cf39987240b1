// Admin on Kafka beyond the conformance suite: stream lifecycle and configs, errors in SPS
// codes, group inspection / reset / deletion, reads and time lookups — and that short-lived
// reader groups do not stay behind.
import { RecordCollector, waitFor } from '@shopstream/sps-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerFixture, FAST, openBrokerFixture } from './__tests__/broker-fixture';
import { READER_GROUP_PREFIX } from './kafka-reader';

let f: BrokerFixture;
beforeAll(async () => {
  f = await openBrokerFixture();
});
afterAll(() => f.close());

const admin = () => f.client.admin();

describe('kafka admin: streams', () => {
  it('creates, lists, describes, alters and deletes streams, with SPS error codes', async () => {
    await admin().createStream('payments', {
      partitions: 3,
      ttlMs: 86_400_000,
      retentionBytes: 1_000_000,
    });
    await expect(admin().createStream('payments', { partitions: 1 })).rejects.toMatchObject({
      code: 'SPS_ERR_STREAM_EXISTS',
    });
    await expect(admin().createStream('bad/name', { partitions: 1 })).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_STREAM_NAME',
    });
    expect(await admin().listStreams()).toContain('payments');
    expect(await admin().describeStream('payments')).toEqual({
      name: 'payments',
      ttlMs: 86_400_000,
      retentionBytes: 1_000_000,
      partitions: [0, 1, 2].map((partition) => ({ partition, logStartIndex: 0, highWatermark: 0 })),
    });

    // AlterConfigs replaces all of a topic's settings: the driver sends the others again.
    await admin().alterTtl('payments', 3_600_000);
    expect(await admin().describeStream('payments')).toMatchObject({
      ttlMs: 3_600_000,
      retentionBytes: 1_000_000,
    });

    await expect(admin().addPartitions('payments', 2)).rejects.toMatchObject({
      code: 'SPS_ERR_PARTITIONS_CANNOT_SHRINK',
    });
    await expect(admin().addPartitions('payments', 3)).rejects.toMatchObject({
      code: 'SPS_ERR_INVALID_PARTITIONS',
    });
    await admin().addPartitions('payments', 4);
    expect((await admin().describeStream('payments')).partitions).toHaveLength(4);

    await admin().deleteStream('payments');
    expect(await admin().listStreams()).not.toContain('payments');
    for (const call of [
      () => admin().describeStream('payments'),
      () => admin().deleteStream('payments'),
      () => admin().read('payments', 0, { from: 0 }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'SPS_ERR_UNKNOWN_STREAM' });
    }
    // kafkajs remembered the deleted topic; the admin still works for others.
    await admin().createStream('refunds', { partitions: 1 });
    expect((await admin().describeStream('refunds')).partitions).toHaveLength(1);
  });
});

describe('kafka admin: reads and time', () => {
  it('reads ranges and pages backwards; below the log start is out of range; finds indexes by time', async () => {
    await admin().createStream('ledger', { partitions: 2 });
    const t0 = Date.now() - 60_000;
    const values = Array.from({ length: 7 }, (_, i) => `entry-${i}`);
    await f.client.producer().send(
      'ledger',
      values.map((value, i) => ({ value, partition: 1, timestamp: t0 + i * 1_000 })),
    );
    const read = await admin().read('ledger', 1, { from: 2, limit: 3 });
    expect(read.map((m) => [m.index, m.value!.toString()])).toEqual([
      [2, 'entry-2'],
      [3, 'entry-3'],
      [4, 'entry-4'],
    ]);
    expect(await admin().read('ledger', 1, { from: 7 })).toEqual([]);
    await expect(admin().read('ledger', 1, { from: 8 })).rejects.toMatchObject({
      code: 'SPS_ERR_INDEX_OUT_OF_RANGE',
    });
    await expect(admin().read('ledger', 2, { from: 0 })).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_PARTITION',
    });
    const backwards: string[] = [];
    for await (const m of admin().readBackwards('ledger', 1, { before: 6, pageSize: 4 })) {
      backwards.push(m.value!.toString());
    }
    expect(backwards).toEqual(values.slice(0, 6).reverse());

    expect(await f.client.admin().listGroups()).not.toContainEqual(
      expect.objectContaining({
        group: expect.stringMatching(new RegExp(`^${READER_GROUP_PREFIX}`)),
      }),
    );
    const driver = f.driver.admin;
    expect(await driver.indexForTime('ledger', 1, t0 + 2_500)).toBe(3);
    expect(await driver.indexForTime('ledger', 1, t0)).toBe(0);
    expect(await driver.indexForTime('ledger', 1, Date.now() + 60_000)).toBeNull();
  });
});

describe('kafka admin: groups', () => {
  it('describes, lists, resets (by time, by clamped index) and deletes groups, refusing while members run', async () => {
    await admin().createStream('shipments', { partitions: 2 });
    const t0 = Date.now() - 60_000;
    for (const partition of [0, 1]) {
      await f.client.producer().send(
        'shipments',
        Array.from({ length: 4 }, (_, i) => ({
          value: `s${partition}-${i}`,
          partition,
          timestamp: t0 + i * 10_000,
        })),
      );
    }
    await expect(admin().describeGroup('shipping')).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_GROUP',
    });
    const handled = new RecordCollector();
    const member = f.client.consumer({ group: 'shipping', streams: ['shipments'], ...FAST });
    await member.start(handled.handler);
    await handled.waitForCount(8);
    const described = await waitFor(async () => {
      const d = await admin().describeGroup('shipping');
      return d.partitions.length === 2 && d.partitions.every((p) => p.lag === 0) ? d : undefined;
    });
    expect(described).toMatchObject({
      state: 'Stable',
      members: [
        {
          clientId: 'sps',
          partitions: [
            { stream: 'shipments', partition: 0 },
            { stream: 'shipments', partition: 1 },
          ],
        },
      ],
      partitions: [
        { stream: 'shipments', partition: 0, committedIndex: 4, highWatermark: 4, lag: 0 },
        { stream: 'shipments', partition: 1, committedIndex: 4, highWatermark: 4, lag: 0 },
      ],
    });
    expect(await admin().listGroups()).toContainEqual({ group: 'shipping', state: 'Stable' });
    await expect(admin().deleteGroup('shipping')).rejects.toMatchObject({
      code: 'SPS_ERR_GROUP_NOT_EMPTY',
    });
    await expect(admin().resetGroup('shipping', 'shipments', 'earliest')).rejects.toMatchObject({
      code: 'SPS_ERR_GROUP_NOT_EMPTY',
    });
    await member.stop();

    await admin().resetGroup('shipping', 'shipments', { time: t0 + 15_000 });
    expect(
      (await admin().describeGroup('shipping')).partitions.map((p) => p.committedIndex),
    ).toEqual([2, 2]);
    await admin().resetGroup('shipping', 'shipments', { indexes: { 1: 99 } }); // clamped to the end
    expect(
      (await admin().describeGroup('shipping')).partitions.map((p) => p.committedIndex),
    ).toEqual([2, 4]);
    await expect(admin().resetGroup('shipping', 'nowhere', 'earliest')).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_STREAM',
    });
    expect((await admin().describeGroup('shipping')).state).toBe('Empty');

    await admin().deleteGroup('shipping');
    await expect(admin().describeGroup('shipping')).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_GROUP',
    });
    await expect(admin().deleteGroup('shipping')).rejects.toMatchObject({
      code: 'SPS_ERR_UNKNOWN_GROUP',
    });
  });
});
