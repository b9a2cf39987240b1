// The stock database against a real PostgreSQL 18, migrated by the real `prisma migrate
// deploy` (the checked-in migrations), as the local stack does it.
import { MIGRATE_DEPLOY_DONE, runPrismaCli } from '@shopstream/local-infra';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRepository } from './outbox.repository';
import { createStockPrismaClient, type StockPrismaClient } from './stock.client';
import { STOCK_DATABASE_URL_ENV } from './stock-database';
import { StockLedgerRepository } from './stock-ledger.repository';
import { StockReadRepository } from './stock-read.repository';
import {
  type CatalogProduct,
  type InboxEntry,
  type LowStockCrossing,
  type OutboxRecord,
} from './stock.types';
import { UnknownSkuError } from './unknown-sku.error';

const CATALOG: CatalogProduct[] = [
  { sku: 'SKU-A', name: 'A', unitPriceCents: 100, initialOnHand: 10, lowStockThreshold: 3 },
  { sku: 'SKU-B', name: 'B', unitPriceCents: 200, initialOnHand: 2, lowStockThreshold: 1 },
  { sku: 'SKU-C', name: 'C', unitPriceCents: 300, initialOnHand: 1_000, lowStockThreshold: 5 },
];

let nextIndex = 0n;
function anEvent(eventId: string): InboxEntry {
  return {
    eventId,
    consumerGroup: 'erp-stock',
    stream: 'orders',
    partition: 0,
    index: nextIndex++,
  };
}

const toOutbox = (c: LowStockCrossing) => ({
  eventId: `low-${c.orderId}-${c.sku}`,
  stream: 'stock',
  key: c.sku,
  headers: { 'event-type': 'stock.low' },
  value: JSON.stringify({ sku: c.sku, onHand: c.onHand }),
});

describe('stock database', () => {
  let server: TestPostgres;
  let prisma: StockPrismaClient;
  let ledger: StockLedgerRepository;
  let reads: StockReadRepository;
  let outbox: OutboxRepository;

  const onHand = async (sku: string) => (await reads.findProduct(sku))?.onHand;

  beforeAll(async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('stock');
    const { output } = await runPrismaCli(['migrate', 'deploy'], {
      configFile: join(__dirname, '../prisma.config.ts'),
      env: { [STOCK_DATABASE_URL_ENV]: url },
      doneWhen: MIGRATE_DEPLOY_DONE,
    });
    expect(output).toMatch(/All migrations have been successfully applied/);
    prisma = createStockPrismaClient(url);
    ledger = new StockLedgerRepository(prisma);
    reads = new StockReadRepository(prisma);
    outbox = new OutboxRepository(prisma);
  }, 120_000);
  afterAll(async () => {
    await prisma?.$disconnect();
    await server?.stop();
  });

  it('seeds the catalog once and later syncs names and thresholds, never stock', async () => {
    expect(await ledger.syncCatalog(CATALOG)).toBe(3);
    await ledger.bookOrder(
      { orderId: 'ord_seed', lines: [{ sku: 'SKU-C', quantity: 1 }] },
      anEvent('e0'),
      toOutbox,
    );
    const renamed = CATALOG.map((p) =>
      p.sku === 'SKU-C' ? { ...p, name: 'C2', initialOnHand: 5 } : p,
    );
    expect(await ledger.syncCatalog(renamed)).toBe(0);
    expect(await reads.findProduct('SKU-C')).toMatchObject({ name: 'C2', onHand: 999 });
  });

  it('books an order once: a redelivered event and a re-published order change nothing', async () => {
    const order = { orderId: 'ord_1', lines: [{ sku: 'SKU-A', quantity: 2 }] };
    const first = await ledger.bookOrder(order, anEvent('e1'), toOutbox);
    expect(first).toMatchObject({
      outcome: 'booked',
      movements: [
        {
          orderId: 'ord_1',
          lineNo: 1,
          sku: 'SKU-A',
          quantityOrdered: 2,
          quantityDelta: -2,
          onHandAfter: 8,
          backordered: 0,
        },
      ],
      crossings: [],
    });
    expect((await ledger.bookOrder(order, anEvent('e1'), toOutbox)).outcome).toBe(
      'duplicate-event',
    );
    expect((await ledger.bookOrder(order, anEvent('e1b'), toOutbox)).outcome).toBe(
      'duplicate-order',
    );
    expect(await onHand('SKU-A')).toBe(8);
    expect(await reads.findMovements('SKU-A')).toHaveLength(1);
  });

  it('backorders what is not on hand, never going below zero, and records the crossing in the outbox', async () => {
    const result = await ledger.bookOrder(
      { orderId: 'ord_2', lines: [{ sku: 'SKU-B', quantity: 5 }] },
      anEvent('e2'),
      toOutbox,
    );
    expect(result.movements[0]).toMatchObject({
      quantityDelta: -2,
      onHandAfter: 0,
      backordered: 3,
    });
    expect(result.crossings).toEqual([
      { orderId: 'ord_2', sku: 'SKU-B', name: 'B', onHand: 0, threshold: 1, at: expect.any(Date) },
    ]);
    expect(await reads.findProduct('SKU-B')).toMatchObject({ onHand: 0, backordered: 3 });
    await ledger.bookOrder(
      { orderId: 'ord_3', lines: [{ sku: 'SKU-B', quantity: 1 }] },
      anEvent('e3'),
      toOutbox,
    );
    expect(await reads.findProduct('SKU-B')).toMatchObject({ onHand: 0, backordered: 4 });
    expect(await prisma.outboxEvent.count({ where: { key: 'SKU-B' } })).toBe(1); // crossed once
    expect((await reads.listProducts({ low: true })).map((p) => p.sku)).toEqual(['SKU-B']);
    expect((await reads.listProducts({ low: false })).map((p) => p.sku)).toEqual([
      'SKU-A',
      'SKU-C',
    ]);
  });

  it('refuses an unknown SKU without booking any line of the order', async () => {
    const order = {
      orderId: 'ord_4',
      lines: [
        { sku: 'SKU-C', quantity: 1 },
        { sku: 'SKU-NOPE', quantity: 1 },
      ],
    };
    const booking = ledger.bookOrder(order, anEvent('e4'), toOutbox);
    await expect(booking).rejects.toBeInstanceOf(UnknownSkuError);
    await expect(booking).rejects.toMatchObject({
      retriable: false,
      message: 'items[1].sku: unknown SKU "SKU-NOPE" (not in the stock catalog)',
    });
    expect(await onHand('SKU-C')).toBe(999);
    expect(await ledger.wasHandled('e4')).toBe(false);
  });

  it('loses no update when orders for the same product are booked concurrently', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ledger.bookOrder(
          {
            orderId: `ord_c${i}`,
            lines: [
              { sku: 'SKU-C', quantity: 3 },
              { sku: 'SKU-A', quantity: 0 + 1 },
            ],
          },
          anEvent(`ec${i}`),
          toOutbox,
        ),
      ),
    );
    expect(await onHand('SKU-C')).toBe(999 - 36);
    expect(await onHand('SKU-A')).toBe(0); // 8 on hand, 12 ordered
    expect(await reads.findProduct('SKU-A')).toMatchObject({ backordered: 4 });
    expect(await prisma.outboxEvent.count({ where: { key: 'SKU-A' } })).toBe(1);
  });

  it('publishes pending outbox records in order, once, and keeps them when the send fails', async () => {
    await expect(
      outbox.publishPending(() => Promise.reject(new Error('broker down'))),
    ).rejects.toThrow('broker down');
    const pending = await outbox.pendingCount();
    expect(pending).toBe(2);
    const sent: OutboxRecord[] = [];
    const slowSend = async (records: OutboxRecord[]) => {
      await new Promise((r) => setTimeout(r, 50));
      sent.push(...records);
    };
    const counts = await Promise.all([
      outbox.publishPending(slowSend),
      outbox.publishPending(slowSend),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(sent.map((r) => r.key)).toEqual(['SKU-B', 'SKU-A']);
    expect(sent[0]).toMatchObject({
      eventId: 'low-ord_2-SKU-B',
      stream: 'stock',
      headers: { 'event-type': 'stock.low' },
    });
    expect(await outbox.pendingCount()).toBe(0);
    expect(await outbox.publishPending(slowSend)).toBe(0);
  });
});
