// The promo-counter service on the embedded SPS engine: counts per code are exact over many
// orders, duplicates and replays count nothing twice, a restart reads on from the snapshot
// exactly (also after a crash, from an older snapshot), a bad snapshot means a rebuild from
// the start, and a live client gets an event when an order arrives. Every count is compared
// with the harness's own ledger of the orders published, never with a number from the service.
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PLACED_V1, PROMOS } from '@shopstream/commerce-contracts';
import { waitFor } from '@shopstream/sps-testing';
import { type LivePromoCount, type PromoBoard } from '../counting/promo-count.types';
import { SNAPSHOT_FILE } from '../snapshot/snapshot-file.store';
import { anOrder, startPromoWorld, type PromoWorld } from './promo-counter-harness';
import { openSse } from './sse-client';

let world: PromoWorld;
const CODES = [...PROMOS.map((p) => p.code), null];

beforeAll(async () => {
  world = await startPromoWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** `count` orders with every code (and none), baskets of several sizes, published at once. */
async function publishMany(count: number): Promise<void> {
  const orders = Array.from({ length: count }, (_, i) => {
    const code = CODES[i % CODES.length]!;
    // BIGBASKET needs 200 EUR: 8 tees and a mug; SUMMER25 80 EUR; TENOFF 50 EUR.
    return anOrder(code, code === 'BIGBASKET' ? 8 + (i % 3) : 3 + (i % 5));
  });
  await Promise.all(orders.map((o) => world.publish(o)));
}

async function snapshotOnDisk(): Promise<{
  positions: Record<string, number>;
  orderIds: string[];
}> {
  const text = await readFile(join(world.snapshotDir, SNAPSHOT_FILE), 'utf8');
  return JSON.parse(text) as { positions: Record<string, number>; orderIds: string[] };
}

async function highWatermarks(): Promise<Record<string, number>> {
  const { partitions } = await world.client.admin().describeStream('orders');
  return Object.fromEntries(partitions.map((p) => [String(p.partition), Number(p.highWatermark)]));
}

describe('promo-counter', () => {
  it('counts the history it finds on its first start, reading orders from the start', async () => {
    await publishMany(12); // before the service ever ran
    await world.startApp();
    expect(await world.counted()).toEqual(world.expected());
    expect(await world.reader()).toMatchObject({
      status: 'up',
      startedFrom: { kind: 'earliest', reason: 'no snapshot' },
    });
  });

  it('counts many orders with several codes exactly, and answers per code', async () => {
    await publishMany(90);
    const board = await world.counted();
    expect(board).toEqual(world.expected());
    for (const expected of world.expected().promos) {
      expect((await world.getJson(`/promos/${expected.code}`)).body).toEqual(expected);
    }
    const lower = await world.getJson<LivePromoCount>('/promos/welcome10');
    expect(lower.body.code).toBe('WELCOME10');
    expect(await world.getJson('/promos/NOSUCHCODE')).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  it('counts an order once when its record comes twice or it is re-published, and skips broken records', async () => {
    const order = anOrder('FRIENDS15', 4);
    const before = (await world.reader()) as { skippedRecords: number };
    await world.publish(order, { eventId: '7f1d7a7e-8a11-4c55-9d68-1b3f0f1f0001' });
    await world.publish(order, { eventId: '7f1d7a7e-8a11-4c55-9d68-1b3f0f1f0001' }); // producer retry
    await world.publish(order); // the same order under a new event id
    await world.client.producer().send('orders', [
      {
        key: 'ord_broken',
        value: '{"orderId":"ord_broken"}',
        headers: { 'event-type': ORDER_PLACED_V1.type },
      },
      { key: 'x', value: '{}', headers: { 'event-type': 'order.cancelled' } },
    ]);
    await waitFor(async () => ((await world.reader()) as { caughtUp: boolean }).caughtUp, {
      description: 'the reader to catch up',
    });
    expect(await world.counted()).toEqual(world.expected());
    expect(await world.reader()).toMatchObject({
      skippedRecords: before.skippedRecords + 2,
      lag: 0,
    });
  });

  it('restarts from its snapshot and reads on exactly, counting the orders placed while it was down', async () => {
    await world.stopApp(); // the final snapshot is written on the way down
    const saved = await snapshotOnDisk();
    expect(saved).toMatchObject({ format: 'shopstream.promo-counter.snapshot', version: 1 });
    expect(saved.positions).toEqual(await highWatermarks());
    expect(saved.orderIds).toHaveLength(world.expected().ordersCounted);

    await publishMany(15); // while it is down
    await world.startApp();
    expect(await world.counted()).toEqual(world.expected());
    expect(await world.reader()).toMatchObject({
      startedFrom: { kind: 'snapshot', positions: saved.positions },
      recordsReadSinceStart: 15, // only what came after the snapshot
      caughtUp: true,
    });
  });

  it('after a crash reads on from an older snapshot and counts nothing twice', async () => {
    // A periodic snapshot that holds every order so far (the service saves every 100 ms here).
    await waitFor(
      async () => (await snapshotOnDisk()).orderIds.length === world.expected().ordersCounted,
      { description: 'a periodic snapshot of everything counted' },
    );
    const older = join(world.snapshotDir, 'older.json');
    await copyFile(join(world.snapshotDir, SNAPSHOT_FILE), older);
    await publishMany(10);
    await world.counted();
    await world.stopApp();
    // As if the process had died before saving these 10: the older snapshot is all there is.
    await copyFile(older, join(world.snapshotDir, SNAPSHOT_FILE));
    await publishMany(5);

    await world.startApp();
    expect(await world.counted()).toEqual(world.expected());
    expect(await world.reader()).toMatchObject({
      startedFrom: { kind: 'snapshot' },
      recordsReadSinceStart: 15, // the 10 read again (recognised) and the 5 new ones
    });
  });

  it('replays the whole stream into its snapshot without counting anything twice', async () => {
    await world.stopApp();
    const path = join(world.snapshotDir, SNAPSHOT_FILE);
    const snapshot = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...snapshot, positions: {} })); // read every record again
    await world.startApp();
    await waitFor(async () => ((await world.reader()) as { caughtUp: boolean }).caughtUp, {
      description: 'the replay to finish',
    });
    expect(await world.counted()).toEqual(world.expected());
  });

  it('rebuilds from the start when its snapshot cannot be read, keeping the bad file aside', async () => {
    await world.stopApp();
    await writeFile(join(world.snapshotDir, SNAPSHOT_FILE), '{"version": 99}');
    await world.startApp();
    expect(await world.counted()).toEqual(world.expected());
    expect(await world.reader()).toMatchObject({
      startedFrom: { kind: 'earliest', reason: 'no snapshot' },
    });
    expect(await readdir(world.snapshotDir)).toContain(`${SNAPSHOT_FILE}.rejected`);
  });

  it('pushes the code’s new counts to a live client when an order arrives, and ends the stream on shutdown', async () => {
    const sse = await openSse(`${world.url()}/promos/stream`);
    expect(sse.status).toBe(200);
    expect(sse.contentType).toMatch(/^text\/event-stream/);
    const first = await sse.next((e) => e.event === 'snapshot');
    expect(JSON.parse(first.data) as PromoBoard).toEqual(world.expected());

    await world.publish(anOrder('TENOFF', 5));
    const change = await sse.next((e) => e.event === 'promo');
    const tenoff = world.expected().promos.find((p) => p.code === 'TENOFF');
    expect(JSON.parse(change.data)).toEqual(tenoff);
    expect(change.id).toBe(String(world.expected().ordersCounted));

    await world.publish(anOrder(null));
    const none = await sse.next((e) => e.event === 'without-code');
    expect(JSON.parse(none.data)).toEqual(world.expected().withoutCode);

    await waitFor(() => sse.comments.includes('heartbeat'), { description: 'a heartbeat' });
    await world.stopApp();
    await sse.ended();
    expect(sse.comments).toContain('shutting down');
    await world.startApp();
  });

  it('reports where its reader stands in /health', async () => {
    await world.counted();
    const reader = await world.reader();
    expect(reader).toMatchObject({ status: 'up', stream: 'orders', lag: 0, caughtUp: true });
    const positions = Object.fromEntries(
      (reader['partitions'] as Array<{ partition: number; next: number }>).map((p) => [
        String(p.partition),
        p.next,
      ]),
    );
    expect(positions).toEqual(await highWatermarks());
    expect((await world.getJson('/health')).status).toBe(200);
  });
});
