// The stock service on a real PostgreSQL and the embedded SPS engine, seeded from the
// contracts' CATALOG: each order decrements stock once however often it arrives, a shortfall
// is backordered (never negative stock), `stock.low` reaches the `stock` stream once per
// threshold crossing, and an order with an unknown SKU is dead-lettered with the reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, type StockLevel, stockLevelSchema } from '@shopstream/commerce-contracts';
import { type SpsMessage, headerValue } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';
import { stockLowEventId, stockLowRecord } from '../events/stock-low.event';
import { type StockLedgerView } from '../http/stock.controller';
import { anOrderOf, startStockWorld, type StockWorld } from './stock-harness';

let world: StockWorld;
let url: string;

beforeAll(async () => {
  world = await startStockWorld();
  ({ url } = await world.startApp());
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

const level = async (sku: string) => (await getJson<StockLevel>(`/stock/${sku}`)).body;
const ledger = async (sku: string) =>
  (await getJson<StockLedgerView>(`/stock/${sku}/movements`)).body;
const initial = (sku: string) => CATALOG.find((p) => p.sku === sku)!.initialOnHand;

async function lowEventsFor(sku: string) {
  return (await world.stockLowEvents()).filter((e) => e.key === sku);
}

/** Everything consumed, and the outbox empty: whatever will reach `stock` has reached it. */
async function settled(): Promise<void> {
  await world.caughtUp();
  await waitFor(
    async () => {
      const { rows } = await world.sql.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL',
      );
      return rows[0]!.n === 0;
    },
    { description: 'the outbox to be empty' },
  );
}

async function deadLetter(eventId: string): Promise<SpsMessage> {
  return await waitFor(
    async () => {
      const admin = world.client.admin();
      if (!(await admin.listStreams()).includes('orders.dlq')) return undefined;
      for (const p of (await admin.describeStream('orders.dlq')).partitions) {
        for (const m of await admin.read('orders.dlq', p.partition, { from: 0 })) {
          if (headerValue(m.headers, 'event-id') === eventId) return m;
        }
      }
      return undefined;
    },
    { description: `event ${eventId} in orders.dlq` },
  );
}

describe('stock', () => {
  it('serves the seeded catalog in the contracts shape', async () => {
    const all = await getJson<StockLevel[]>('/stock');
    expect(all.body).toHaveLength(CATALOG.length);
    const tee = await level('SKU-TEE-BLK-S');
    expect(stockLevelSchema.parse(tee)).toEqual(tee);
    expect(tee).toMatchObject({
      sku: 'SKU-TEE-BLK-S',
      onHand: 120,
      lowStockThreshold: 15,
      low: false,
    });
  });

  it('decrements stock once per order: redelivered, re-published and replayed', async () => {
    const sku = 'SKU-TEE-BLK-M';
    const order = anOrderOf([[sku, 2]]);
    const eventId = randomUUID();
    await world.publish(order, { eventId });
    await world.publish(order, { eventId }); // the same event again
    await world.publish(order, { eventId: randomUUID() }); // the order re-published
    await world.caughtUp();
    await world.stopApp();
    await world.client.admin().resetGroup('erp-stock', 'orders', 'earliest');
    ({ url } = await world.startApp());
    await world.caughtUp();

    expect(await level(sku)).toMatchObject({ onHand: initial(sku) - 2, low: false });
    const { movements } = await ledger(sku);
    expect(movements.filter((m) => m.orderId === order.orderId)).toEqual([
      expect.objectContaining({
        eventId,
        quantityOrdered: 2,
        quantityDelta: -2,
        onHandAfter: initial(sku) - 2,
        backordered: 0,
      }),
    ]);
  });

  it('backorders what is not on hand and never goes below zero', async () => {
    const sku = 'SKU-KBD-TKL-BRN'; // 6 on hand
    const order = anOrderOf([[sku, 8]]);
    await world.publish(order);
    await world.caughtUp();

    expect(await level(sku)).toMatchObject({ onHand: 0, low: true });
    expect(await ledger(sku)).toMatchObject({
      onHand: 0,
      backordered: 2,
      movements: [
        {
          orderId: order.orderId,
          quantityOrdered: 8,
          quantityDelta: -6,
          onHandAfter: 0,
          backordered: 2,
        },
      ],
    });
    const more = anOrderOf([[sku, 1]]);
    await world.publish(more);
    await world.caughtUp();
    expect(await ledger(sku)).toMatchObject({ onHand: 0, backordered: 3 });
  });

  it('emits stock.low to the stock stream once, when an order crosses the threshold', async () => {
    const sku = 'SKU-LMP-DESK-LED'; // 8 on hand, threshold 4
    const crossing = anOrderOf([[sku, 4]]); // 8 → 4: crosses
    const eventId = randomUUID();
    await world.publish(crossing, { eventId });
    const [low] = await waitFor(
      async () => {
        const events = await lowEventsFor(sku);
        return events.length > 0 ? events : undefined;
      },
      { description: `stock.low for ${sku}` },
    );
    expect(low).toMatchObject({
      eventType: 'stock.low',
      eventVersion: '1',
      eventId: stockLowEventId(crossing.orderId, sku),
      payload: { sku, name: 'LED Desk Lamp', onHand: 4, threshold: 4, at: expect.any(String) },
    });

    await world.publish(crossing, { eventId }); // redelivered
    await world.publish(anOrderOf([[sku, 1]])); // 4 → 3: already low, no new crossing
    await settled();
    expect(await lowEventsFor(sku)).toHaveLength(1);
    const lows = await getJson<StockLevel[]>('/stock?low=true');
    expect(lows.body.map((l) => l.sku)).toEqual(expect.arrayContaining([sku, 'SKU-KBD-TKL-BRN']));
    expect(lows.body.every((l) => l.low)).toBe(true);
  });

  it('publishes a stock.low that was committed but not yet appended (after a crash)', async () => {
    // What a process that died between its COMMIT and its append leaves behind.
    const record = stockLowRecord({
      orderId: 'ord_crashed',
      sku: 'SKU-CAP-NVY',
      name: 'Six-Panel Cap, Navy',
      onHand: 9,
      threshold: 10,
      at: new Date(),
    });
    await world.sql.query(
      'INSERT INTO outbox_events (event_id, stream, key, headers, value) VALUES ($1, $2, $3, $4, $5)',
      [record.eventId, record.stream, record.key, JSON.stringify(record.headers), record.value],
    );
    await settled();
    expect((await lowEventsFor('SKU-CAP-NVY')).map((e) => e.eventId)).toEqual([record.eventId]);
  });

  it('dead-letters an order with an unknown SKU, with the reason, books nothing of it, and moves on', async () => {
    const bad = anOrderOf([
      ['SKU-MUG-ENML-WHT', 1],
      ['SKU-NOT-IN-CATALOG', 1],
    ]);
    const next = anOrderOf([['SKU-MUG-ENML-WHT', 1]]);
    const eventId = randomUUID();
    await world.publish(bad, { eventId, partition: 1 });
    await world.publish(next, { partition: 1 });

    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toBe(
      'items[1].sku: unknown SKU "SKU-NOT-IN-CATALOG" (not in the stock catalog)',
    );
    expect(headerValue(dead.headers, 'sps-dlq-error-code')).toBe('STOCK_ERR_UNKNOWN_SKU');
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    expect(headerValue(dead.headers, 'sps-dlq-group')).toBe('erp-stock');
    await world.caughtUp();
    const { movements } = await ledger('SKU-MUG-ENML-WHT');
    expect(movements.map((m) => m.orderId)).toEqual([next.orderId]);
    expect(await level('SKU-MUG-ENML-WHT')).toMatchObject({
      onHand: initial('SKU-MUG-ENML-WHT') - 1,
    });
  });

  it('answers 404 and 400 with the contracts bodies', async () => {
    expect(await getJson('/stock/SKU-NOPE')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'no product "SKU-NOPE" in the stock catalog' },
    });
    expect(await getJson('/stock?low=maybe')).toEqual({
      status: 400,
      body: {
        error: 'validation_failed',
        issues: [{ field: 'low', message: 'must be true or false' }],
      },
    });
  });

  it('reports the database and the stream in /health', async () => {
    expect(await getJson('/health')).toMatchObject({
      status: 200,
      body: { info: { database: { status: 'up' }, stream: { status: 'up' } } },
    });
  });
});
