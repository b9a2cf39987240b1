// The crm service on a real PostgreSQL and the embedded SPS engine: a customer's orders add
// up once however often their events arrive, the latest order decides email and name whatever
// the arrival order, the read model answers in the contracts' shape, and a record it cannot
// count is dead-lettered with the reason while the partition moves on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PLACED_V1, customerRecordSchema } from '@shopstream/commerce-contracts';
import { type SpsMessage, headerValue } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';
import { type CrmCustomerRecord } from '../http/customers.controller';
import { anOrder, startCrmWorld, type CrmWorld } from './crm-harness';

let world: CrmWorld;
let url: string;

beforeAll(async () => {
  world = await startCrmWorld();
  ({ url } = await world.startApp());
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function customer(id: string): Promise<CrmCustomerRecord> {
  const res = await getJson<CrmCustomerRecord>(`/customers/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function deadLetter(eventId: string): Promise<SpsMessage> {
  return await waitFor(
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
    { description: `event ${eventId} in orders.dlq` },
  );
}

describe('crm', () => {
  it('adds up two orders of a customer and serves the contracts CustomerRecord', async () => {
    const who = { id: 'cus_two', email: 'two@example.com', name: 'Two Orders' };
    const first = anOrder({ customer: who, placedAt: '2026-01-10T09:00:00.000Z' });
    const second = anOrder({ customer: who, placedAt: '2026-02-20T18:30:00.000Z' });
    await world.publish(first);
    await world.publish(second);
    await world.caughtUp();

    const record = await customer('cus_two');
    expect(customerRecordSchema.parse(record)).toMatchObject({ id: 'cus_two' });
    expect(record).toEqual({
      ...who,
      orderCount: 2,
      totalSpentCents: first.totals.totalCents + second.totals.totalCents,
      currency: 'EUR',
      orders: [
        { orderId: second.orderId, placedAt: second.placedAt, totalCents: 5580 },
        { orderId: first.orderId, placedAt: first.placedAt, totalCents: 5580 },
      ],
      firstOrderAt: first.placedAt,
      lastOrderAt: second.placedAt,
    });
  });

  it('changes nothing when an event is redelivered, or the whole stream replayed', async () => {
    const who = { id: 'cus_redelivered', email: 'again@example.com', name: 'Again' };
    const order = anOrder({ customer: who });
    const eventId = randomUUID();
    await world.publish(order, { eventId });
    await world.publish(order, { eventId }); // a producer retry / Idempotency-Key retry
    await world.publish(order, { eventId: randomUUID() }); // the order re-published
    await world.caughtUp();
    const before = await customer('cus_redelivered');
    expect(before).toMatchObject({ orderCount: 1, totalSpentCents: 5580 });

    await world.stopApp(); // graceful: commits and leaves the group
    await world.client.admin().resetGroup('crm', 'orders', 'earliest');
    // Every record is pending again, so the restarted consumer really gets them all again.
    const { partitions } = await world.client.admin().describeStream('orders');
    const records = partitions.reduce((n, p) => n + Number(p.highWatermark), 0);
    expect((await world.client.admin().describeGroup('crm')).totalLag).toBe(records);
    ({ url } = await world.startApp());
    await world.caughtUp();
    expect(await customer('cus_redelivered')).toEqual(before);
    expect(await customer('cus_two')).toMatchObject({ orderCount: 2 });
  });

  it('takes email and name from the latest order by placedAt, whatever the arrival order', async () => {
    const id = 'cus_moved';
    const older = anOrder({
      customer: { id, email: 'old@example.com', name: 'Old Name' },
      placedAt: '2026-03-01T00:00:00.000Z',
    });
    const newer = anOrder({
      customer: { id, email: 'New@Example.com', name: 'New Name' },
      placedAt: '2026-04-01T00:00:00.000Z',
    });
    await world.publish(older);
    await world.caughtUp();
    expect(await customer(id)).toMatchObject({ email: 'old@example.com', name: 'Old Name' });

    await world.publish(newer); // a later order with a changed name and email updates them
    await world.caughtUp();
    expect(await customer(id)).toMatchObject({ email: 'New@Example.com', name: 'New Name' });

    // An order placed before both arrives last (delivery across partitions has no order): it
    // counts, moves firstOrderAt back, and leaves email and name alone.
    const oldest = anOrder({
      customer: { id, email: 'ancient@example.com', name: 'Ancient' },
      placedAt: '2026-01-01T00:00:00.000Z',
    });
    await world.publish(oldest);
    await world.caughtUp();
    expect(await customer(id)).toMatchObject({
      email: 'New@Example.com',
      name: 'New Name',
      orderCount: 3,
      firstOrderAt: '2026-01-01T00:00:00.000Z',
      lastOrderAt: '2026-04-01T00:00:00.000Z',
    });

    const found = await getJson<CrmCustomerRecord[]>('/customers?email=new%40example.com');
    expect(found.body.map((c) => c.id)).toEqual([id]);
    expect(await getJson('/customers?email=old%40example.com')).toEqual({ status: 200, body: [] });
  });

  it('dead-letters an event that breaks the contract, with the reason, and moves on', async () => {
    const order = anOrder({
      customer: { id: 'cus_after_poison', email: 'p@example.com', name: 'P' },
    });
    const { customer: who, ...rest } = order;
    const poison = { ...rest, customer: { id: who.id, name: who.name } };
    const eventId = randomUUID();
    // Same key as the good order after it: same partition, so "moves on" is about that partition.
    await world.client.producer().send('orders', {
      key: order.orderId,
      value: JSON.stringify(poison),
      headers: { 'event-type': ORDER_PLACED_V1.type, 'event-version': '1', 'event-id': eventId },
    });
    await world.publish(order);

    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toBe('customer.email: is required');
    expect(headerValue(dead.headers, 'sps-dlq-error-code')).toBe('COMMERCE_ERR_INVALID_EVENT');
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    expect(headerValue(dead.headers, 'sps-dlq-group')).toBe('crm');
    await world.caughtUp();
    expect(await customer('cus_after_poison')).toMatchObject({ orderCount: 1 });
  });

  it('dead-letters an order in another currency than the customer’s, counting nothing', async () => {
    const who = { id: 'cus_euro', email: 'euro@example.com', name: 'Euro' };
    await world.publish(anOrder({ customer: who }));
    const eventId = randomUUID();
    await world.publish(anOrder({ customer: who, currency: 'USD' }), { eventId });

    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-error-code')).toBe('CRM_ERR_CURRENCY_MISMATCH');
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    await world.caughtUp();
    expect(await customer('cus_euro')).toMatchObject({ orderCount: 1, currency: 'EUR' });
  });

  it('answers 404 and 400 with the contracts bodies', async () => {
    expect(await getJson('/customers/cus_nobody')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'customer "cus_nobody" is not known (yet)' },
    });
    expect(await getJson('/customers')).toEqual({
      status: 400,
      body: { error: 'validation_failed', issues: [{ field: 'email', message: 'is required' }] },
    });
  });

  it('reports the database and the stream in /health', async () => {
    expect(await getJson('/health')).toMatchObject({
      status: 200,
      body: { info: { database: { status: 'up' }, stream: { status: 'up' } } },
    });
  });
});
