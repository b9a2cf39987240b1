// The crm repository against a real PostgreSQL 18, migrated by the real `prisma migrate
// deploy` (the checked-in migrations), exactly as the local stack does it.
import { MIGRATE_DEPLOY_DONE, runPrismaCli } from '@shopstream/local-infra';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmPrismaClient, type CrmPrismaClient } from './crm.client';
import { CRM_DATABASE_URL_ENV } from './crm-database';
import { CustomerRepository } from './customer.repository';
import { type CustomerOrderInput, type InboxEntry } from './customer.types';

const ADA = { id: 'cus_ada', email: 'ada@example.com', name: 'Ada Lovelace' };

function anOrder(
  orderId: string,
  placedAt: string,
  changes: Partial<CustomerOrderInput> = {},
): CustomerOrderInput {
  return {
    orderId,
    placedAt: new Date(placedAt),
    customer: ADA,
    totals: { totalCents: 1000 },
    currency: 'EUR',
    ...changes,
  };
}

let nextIndex = 0n;
function anEvent(eventId: string): InboxEntry {
  return { eventId, consumerGroup: 'crm', stream: 'orders', partition: 1, index: nextIndex++ };
}

describe('CustomerRepository', () => {
  let server: TestPostgres;
  let prisma: CrmPrismaClient;
  let repository: CustomerRepository;

  beforeAll(async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('crm');
    const { durationMs, output } = await runPrismaCli(['migrate', 'deploy'], {
      configFile: join(__dirname, '../prisma.config.ts'),
      env: { [CRM_DATABASE_URL_ENV]: url },
      doneWhen: MIGRATE_DEPLOY_DONE,
    });
    expect(output).toMatch(/All migrations have been successfully applied/);
    console.info(`prisma migrate deploy: ${durationMs} ms`);
    prisma = createCrmPrismaClient(url);
    repository = new CustomerRepository(prisma);
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
  });

  it('creates the customer on a first order and adds later orders to them', async () => {
    expect(
      await repository.recordOrder(anOrder('ord_a1', '2026-01-01T10:00:00Z'), anEvent('e_a1')),
    ).toBe('recorded');
    const second = anOrder('ord_a2', '2026-02-01T10:00:00Z', { totals: { totalCents: 2550 } });
    expect(await repository.recordOrder(second, anEvent('e_a2'))).toBe('recorded');

    expect(await repository.findCustomer('cus_ada')).toEqual({
      ...ADA,
      currency: 'EUR',
      orderCount: 2,
      totalSpentCents: 3550,
      firstOrderAt: new Date('2026-01-01T10:00:00Z'),
      lastOrderAt: new Date('2026-02-01T10:00:00Z'),
      orders: [
        { orderId: 'ord_a2', placedAt: new Date('2026-02-01T10:00:00Z'), totalCents: 2550 },
        { orderId: 'ord_a1', placedAt: new Date('2026-01-01T10:00:00Z'), totalCents: 1000 },
      ],
    });
  });

  it('changes nothing for a redelivered event or the same order under a new event id', async () => {
    const customer = { id: 'cus_dup', email: 'dup@example.com', name: 'Dup' };
    const order = anOrder('ord_d1', '2026-01-01T00:00:00Z', { customer });
    const event = anEvent('e_d1');
    expect(await repository.recordOrder(order, event)).toBe('recorded');
    expect(await repository.recordOrder(order, event)).toBe('duplicate-event');
    expect(await repository.recordOrder(order, anEvent('e_d1_again'))).toBe('duplicate-order');
    expect(await repository.findCustomer('cus_dup')).toMatchObject({
      orderCount: 1,
      totalSpentCents: 1000,
    });
    expect(await repository.wasHandled('e_d1_again')).toBe(true);
  });

  it('gives the same customer whatever order the events arrive in: latest placedAt wins', async () => {
    const old = { id: 'cus_ooo', email: 'old@example.com', name: 'Old Name' };
    const renamed = { id: 'cus_ooo', email: 'New@Example.com', name: 'New Name' };
    const later = anOrder('ord_o2', '2026-03-01T00:00:00Z', { customer: renamed });
    const earlier = anOrder('ord_o1', '2026-01-01T00:00:00Z', { customer: old });
    await repository.recordOrder(later, anEvent('e_o2')); // the later order arrives first
    await repository.recordOrder(earlier, anEvent('e_o1'));
    expect(await repository.findCustomer('cus_ooo')).toMatchObject({
      email: 'New@Example.com',
      name: 'New Name',
      orderCount: 2,
      firstOrderAt: new Date('2026-01-01T00:00:00Z'),
      lastOrderAt: new Date('2026-03-01T00:00:00Z'),
    });
    expect((await repository.findCustomersByEmail('new@example.COM')).map((c) => c.id)).toEqual([
      'cus_ooo',
    ]);
    expect(await repository.findCustomersByEmail('old@example.com')).toEqual([]);
  });

  it('counts every order of a customer exactly once when deliveries race', async () => {
    const customer = { id: 'cus_race', email: 'race@example.com', name: 'Race' };
    const orders = Array.from({ length: 8 }, (_, i) =>
      anOrder(`ord_r${i}`, `2026-01-0${i + 1}T00:00:00Z`, { customer }),
    );
    // Each event twice, all at once: different orders of one customer meet on the customer
    // row, the two deliveries of one event on its inbox row.
    const outcomes = await Promise.all(
      orders.flatMap((o) => [0, 1].map(() => repository.recordOrder(o, anEvent(`e_${o.orderId}`)))),
    );
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(8);
    expect(await repository.findCustomer('cus_race')).toMatchObject({
      orderCount: 8,
      totalSpentCents: 8000,
      firstOrderAt: new Date('2026-01-01T00:00:00Z'),
      lastOrderAt: new Date('2026-01-08T00:00:00Z'),
    });
  });

  it('refuses an order in another currency and writes nothing for it', async () => {
    const customer = { id: 'cus_cur', email: 'cur@example.com', name: 'Cur' };
    await repository.recordOrder(
      anOrder('ord_c1', '2026-01-01T00:00:00Z', { customer }),
      anEvent('e_c1'),
    );
    const usd = anOrder('ord_c2', '2026-01-02T00:00:00Z', { customer, currency: 'USD' });
    await expect(repository.recordOrder(usd, anEvent('e_c2'))).rejects.toMatchObject({
      code: 'CRM_ERR_CURRENCY_MISMATCH',
      retriable: false,
    });
    expect(await repository.wasHandled('e_c2')).toBe(false);
    expect(await prisma.customerOrder.count({ where: { orderId: 'ord_c2' } })).toBe(0);
    expect(await repository.findCustomer('cus_cur')).toMatchObject({ orderCount: 1 });
  });

  it('answers null and [] for customers it does not know', async () => {
    expect(await repository.findCustomer('cus_nobody')).toBeNull();
    expect(await repository.findCustomersByEmail('nobody@example.com')).toEqual([]);
  });
});
