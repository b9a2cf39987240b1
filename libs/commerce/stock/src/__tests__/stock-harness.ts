/**
 * What the stock tests run on: a real PostgreSQL with the stock migrations, the embedded SPS
 * engine, and the stock Nest app built as the service builds it (`createStockApp`), seeded from
 * the contracts' CATALOG at start, which can be stopped and started again on the same engine.
 */
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ORDER_PLACED_V1,
  type OrderPlacedV1,
  STOCK_LOW_V1,
  type StockLowV1,
  computeTotals,
  encodeEventRecord,
  parseEventRecord,
  type ReceivedEvent,
} from '@shopstream/commerce-contracts';
import { CommerceSpsModule } from '@shopstream/commerce-service-config';
import { waitForGroupCaughtUp } from '@shopstream/commerce-service-config/testing';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { applyStockMigrations } from '@shopstream/stock-data/testing';
import { Client } from 'pg';
import { createStockApp } from '../bootstrap/create-stock-app';
import { StockModule } from '../stock.module';

export interface StockWorld {
  engine: Engine;
  client: SpsClient;
  /** Plain SQL on the stock database. */
  sql: Client;
  startApp(): Promise<{ app: NestFastifyApplication; url: string }>;
  stopApp(): Promise<void>;
  publish(order: OrderPlacedV1, options?: { eventId?: string; partition?: number }): Promise<void>;
  /** Waits until group `erp-stock` has handled (and committed) everything on `orders`. */
  caughtUp(): Promise<void>;
  /** Every `stock.low` on the `stock` stream, parsed with the contract. */
  stockLowEvents(): Promise<ReceivedEvent<StockLowV1>[]>;
  close(): Promise<void>;
}

let counter = 0;

/** A valid order of `lines` ([sku, quantity]) at the catalog's prices, under a new id. */
export function anOrderOf(lines: [sku: string, quantity: number][]): OrderPlacedV1 {
  counter++;
  const items = lines.map(([sku, quantity]) => ({
    sku,
    name: sku,
    quantity,
    unitPriceCents: 1000,
  }));
  const { promoCode: _none, ...example } = ORDER_PLACED_V1.example;
  return {
    ...example,
    orderId: `ord_K${Date.now()}N${counter}`,
    items,
    totals: computeTotals(items),
  };
}

export async function startStockWorld(): Promise<StockWorld> {
  const postgres: TestPostgres = await startTestPostgres();
  const { url: databaseUrl } = await postgres.ensureDatabase('stock');
  await applyStockMigrations(databaseUrl);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dir: TempDir = await tempDir('stock-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  let app: NestFastifyApplication | undefined;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'stock', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      StockModule.forRoot({ databaseUrl, outbox: { pollIntervalMs: 50 } }),
    ],
  })
  class TestStockModule {}

  const world: StockWorld = {
    engine,
    client,
    sql,
    async startApp() {
      app = await createStockApp(TestStockModule, {
        retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
        commit: { intervalMs: 50 },
      });
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
    },
    async stopApp() {
      await app?.close();
      app = undefined;
    },
    async publish(order, { partition, ...options } = {}) {
      const record = encodeEventRecord(ORDER_PLACED_V1, order, options);
      await client
        .producer()
        .send('orders', { ...record, ...(partition === undefined ? {} : { partition }) });
    },
    caughtUp: () => waitForGroupCaughtUp(client, 'erp-stock', 'orders'),
    async stockLowEvents() {
      const admin = client.admin();
      if (!(await admin.listStreams()).includes('stock')) return [];
      const events: ReceivedEvent<StockLowV1>[] = [];
      for (const p of (await admin.describeStream('stock')).partitions) {
        for (const m of await admin.read('stock', p.partition, { from: 0 })) {
          events.push(parseEventRecord(STOCK_LOW_V1, m));
        }
      }
      return events;
    },
    async close() {
      await world.stopApp();
      await client.close();
      await engine.close();
      await dir.remove();
      await sql.end();
      await postgres.stop();
    },
  };
  return world;
}
