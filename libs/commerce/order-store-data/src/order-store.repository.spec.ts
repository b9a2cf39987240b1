// The order-store repository against a real PostgreSQL 18, migrated by the real
// `prisma migrate deploy` (the checked-in migrations), exactly as the local stack does it.
import { MIGRATE_DEPLOY_DONE, runPrismaCli } from '@shopstream/local-infra';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderStorePrismaClient, type OrderStorePrismaClient } from './order-store.client';
import { ORDER_STORE_DATABASE_URL_ENV } from './order-store-database';
import { OrderStoreRepository } from './order-store.repository';
import { type InboxEntry, type NewOrder } from './order-store.types';

function anOrder(orderId: string, overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    orderId,
    placedAt: new Date('2026-11-25T10:00:00.000Z'),
    customer: { id: 'cus_1', email: 'ada@example.com', name: 'Ada Lovelace' },
    items: [
      { sku: 'TEA-001', name: 'Earl Grey', quantity: 2, unitPriceCents: 1490 },
      { sku: 'MUG-007', name: 'Mug', quantity: 1, unitPriceCents: 3000 },
    ],
    promoCode: 'WELCOME10',
    shippingAddress: {
      name: 'Ada Lovelace',
      line1: '12 St James Sq',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
    },
    totals: { subtotalCents: 5980, discountCents: 598, totalCents: 5382 },
    currency: 'GBP',
    ...overrides,
  };
}

let nextIndex = 0n;
function anEvent(eventId: string): InboxEntry {
  return {
    eventId,
    consumerGroup: 'order-store',
    stream: 'orders',
    partition: 2,
    index: nextIndex++,
  };
}

describe('OrderStoreRepository', () => {
  let server: TestPostgres;
  let prisma: OrderStorePrismaClient;
  let repository: OrderStoreRepository;

  beforeAll(async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('order_store');
    const { durationMs, output } = await runPrismaCli(['migrate', 'deploy'], {
      configFile: join(__dirname, '../prisma.config.ts'),
      env: { [ORDER_STORE_DATABASE_URL_ENV]: url },
      doneWhen: MIGRATE_DEPLOY_DONE,
    });
    expect(output).toMatch(/All migrations have been successfully applied/);
    console.info(`prisma migrate deploy: ${durationMs} ms`);
    prisma = createOrderStorePrismaClient(url);
    repository = new OrderStoreRepository(prisma);
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
  });

  it('stores an order, its items in order and the inbox row, and reads it back', async () => {
    const order = anOrder('ord_1');
    expect(await repository.saveOrderWithInbox(order, anEvent('evt_1'))).toBe('saved');

    const stored = await repository.findOrder('ord_1');
    expect(stored).toEqual({
      ...order,
      eventId: 'evt_1',
      shippingAddress: { ...order.shippingAddress, line2: null },
      createdAt: expect.any(Date),
    });
    expect(await repository.wasHandled('evt_1')).toBe(true);
    const inbox = await prisma.inboxEvent.findUniqueOrThrow({ where: { eventId: 'evt_1' } });
    expect(inbox).toMatchObject({ consumerGroup: 'order-store', stream: 'orders', partition: 2 });
  });

  it('skips a redelivered event without touching anything', async () => {
    const event = anEvent('evt_2');
    expect(await repository.saveOrderWithInbox(anOrder('ord_2'), event)).toBe('saved');
    const changed = anOrder('ord_2', {
      totals: { subtotalCents: 1, discountCents: 0, totalCents: 1 },
    });
    expect(await repository.saveOrderWithInbox(changed, event)).toBe('duplicate-event');
    expect((await repository.findOrder('ord_2'))?.totals.totalCents).toBe(5382);
    expect(await prisma.orderItem.count({ where: { orderId: 'ord_2' } })).toBe(2);
  });

  it('keeps the first version of an order that arrives again under a new event id', async () => {
    expect(await repository.saveOrderWithInbox(anOrder('ord_3'), anEvent('evt_3a'))).toBe('saved');
    const again = anOrder('ord_3', { currency: 'EUR' });
    expect(await repository.saveOrderWithInbox(again, anEvent('evt_3b'))).toBe('duplicate-order');
    expect(await repository.findOrder('ord_3')).toMatchObject({
      currency: 'GBP',
      eventId: 'evt_3a',
    });
    expect(await repository.wasHandled('evt_3b')).toBe(true);
  });

  it('writes nothing when the order fails, so the redelivery can succeed', async () => {
    // 'EURO' does not fit CHAR(3): the insert fails after the inbox row was written.
    const broken = anOrder('ord_4', { currency: 'EURO' });
    await expect(repository.saveOrderWithInbox(broken, anEvent('evt_4'))).rejects.toThrow();
    expect(await repository.wasHandled('evt_4')).toBe(false);
    expect(await repository.findOrder('ord_4')).toBeNull();
    expect(await repository.saveOrderWithInbox(anOrder('ord_4'), anEvent('evt_4'))).toBe('saved');
  });

  it('saves an event exactly once when deliveries race', async () => {
    const event = anEvent('evt_5');
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => repository.saveOrderWithInbox(anOrder('ord_5'), event)),
    );
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate-event')).toHaveLength(4);
    expect(await prisma.orderItem.count({ where: { orderId: 'ord_5' } })).toBe(2);
  });

  it("lists a customer's orders newest first, and nobody else's", async () => {
    const customer = { id: 'cus_9', email: 'grace@example.com', name: 'Grace Hopper' };
    const older = anOrder('ord_9a', { customer, placedAt: new Date('2026-01-01T00:00:00Z') });
    const newer = anOrder('ord_9b', { customer, placedAt: new Date('2026-06-01T00:00:00Z') });
    await repository.saveOrderWithInbox(older, anEvent('evt_9a'));
    await repository.saveOrderWithInbox(newer, anEvent('evt_9b'));

    const orders = await repository.findOrdersByCustomer('cus_9');
    expect(orders.map((o) => o.orderId)).toEqual(['ord_9b', 'ord_9a']);
    expect(await repository.findOrdersByCustomer('cus_nobody')).toEqual([]);
    expect(await repository.findOrder('ord_missing')).toBeNull();
  });
});
