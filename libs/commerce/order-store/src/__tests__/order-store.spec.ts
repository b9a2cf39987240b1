// The order-store service on a real PostgreSQL and the embedded SPS engine: each order is
// stored once however often its event arrives, the read model answers in the contracts'
// shapes, and a record that breaks the contract is dead-lettered with the reason while the
// partition moves on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORDER_PLACED_V1,
  type StoredOrder,
  storedOrderSchema,
} from '@shopstream/commerce-contracts';
import { headerValue } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';
import { anOrder, startOrderStoreWorld, type OrderStoreWorld } from './order-store-harness';

let world: OrderStoreWorld;
let url: string;

beforeAll(async () => {
  world = await startOrderStoreWorld();
  ({ url } = await world.startApp());
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function count(table: string, where: string, value: string): Promise<number> {
  const result = await world.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where} = $1`,
    [value],
  );
  return Number(result.rows[0]!.n);
}

async function storedOrder(orderId: string) {
  return await waitFor(
    async () => {
      const res = await getJson<StoredOrder>(`/orders/${orderId}`);
      return res.status === 200 ? res.body : undefined;
    },
    { description: `order ${orderId} in the read model` },
  );
}

describe('order-store', () => {
  it('stores an order with its lines and serves it in the contracts shape', async () => {
    const order = anOrder({
      customer: { id: 'cus_store_1', email: 'ada@example.com', name: 'Ada' },
    });
    const eventId = randomUUID();
    await world.publish(order, { eventId });

    const stored = await storedOrder(order.orderId);
    expect(storedOrderSchema.parse(stored)).toEqual(stored);
    expect(stored).toEqual({ order, eventId, storedAt: expect.any(String) });

    const list = await getJson<StoredOrder[]>('/orders?customerId=cus_store_1');
    expect(list.body.map((o) => o.order.orderId)).toEqual([order.orderId]);
  });

  it('stores an order once when the same event is delivered twice', async () => {
    const order = anOrder();
    const eventId = randomUUID();
    await world.publish(order, { eventId });
    await world.publish(order, { eventId }); // a producer retry / Idempotency-Key retry
    await world.caughtUp();
    expect(await count('orders', 'order_id', order.orderId)).toBe(1);
    expect(await count('order_items', 'order_id', order.orderId)).toBe(order.items.length);
    expect(await count('inbox_events', 'event_id', eventId)).toBe(1);
  });

  it('keeps the first version when the same order comes again under a new event id', async () => {
    const order = anOrder();
    const first = randomUUID();
    await world.publish(order, { eventId: first });
    await world.publish({ ...order, currency: 'USD' }, { eventId: randomUUID() });
    await world.caughtUp();
    const stored = await storedOrder(order.orderId);
    expect(stored).toMatchObject({ eventId: first, order: { currency: 'EUR' } });
    expect(await count('orders', 'order_id', order.orderId)).toBe(1);
  });

  it('stores nothing twice when the whole stream is redelivered after a restart', async () => {
    await world.caughtUp();
    const before = await world.sql.query<{ orders: string; items: string }>(
      'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items',
    );
    await world.stopApp(); // graceful: commits and leaves the group
    await world.client.admin().resetGroup('order-store', 'orders', 'earliest');
    // Every record is pending again, so the restarted consumer really gets them all again.
    const { partitions } = await world.client.admin().describeStream('orders');
    const records = partitions.reduce((n, p) => n + Number(p.highWatermark), 0);
    expect((await world.client.admin().describeGroup('order-store')).totalLag).toBe(records);
    ({ url } = await world.startApp());
    await world.caughtUp();
    const after = await world.sql.query(
      'SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items',
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('dead-letters an event that breaks the contract, with the reason, and moves on', async () => {
    const order = anOrder();
    const { customer, ...rest } = order;
    const poison = { ...rest, customer: { id: customer.id, name: customer.name } };
    const eventId = randomUUID();
    // Same key as the good order after it: same partition, so "moves on" is about that partition.
    await world.client.producer().send('orders', {
      key: order.orderId,
      value: JSON.stringify(poison),
      headers: { 'event-type': ORDER_PLACED_V1.type, 'event-version': '1', 'event-id': eventId },
    });
    await world.publish(order);

    await storedOrder(order.orderId); // the good order behind the poison one is stored
    const dead = await waitFor(
      async () => {
        const admin = world.client.admin();
        if (!(await admin.listStreams()).includes('orders.dlq')) return undefined;
        const { partitions } = await admin.describeStream('orders.dlq');
        for (const p of partitions) {
          for (const m of await admin.read('orders.dlq', p.partition, { from: 0 })) {
            if (headerValue(m.headers, 'event-id') === eventId) return m;
          }
        }
        return undefined;
      },
      { description: 'the poison event in orders.dlq' },
    );
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toBe('customer.email: is required');
    expect(headerValue(dead.headers, 'sps-dlq-error-code')).toBe('COMMERCE_ERR_INVALID_EVENT');
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    expect(headerValue(dead.headers, 'sps-dlq-group')).toBe('order-store');
    expect(await count('inbox_events', 'event_id', eventId)).toBe(0);
  });

  it('answers 404 with the contracts body for an order it does not have, 400 without customerId', async () => {
    expect(await getJson('/orders?customerId=cus_nobody')).toEqual({ status: 200, body: [] });
    expect(await getJson('/orders/ord_nope')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'order "ord_nope" is not stored (yet)' },
    });
    expect(await getJson('/orders')).toEqual({
      status: 400,
      body: {
        error: 'validation_failed',
        issues: [{ field: 'customerId', message: 'is required' }],
      },
    });
  });

  it('reports the database and the stream in /health', async () => {
    const health = await getJson('/health');
    expect(health).toMatchObject({
      status: 200,
      body: { info: { database: { status: 'up' }, stream: { status: 'up' } } },
    });
  });
});
