/**
 * What the order-store tests run on: a real PostgreSQL with the order-store migrations, the
 * embedded SPS engine, and the order-store Nest app built as the service builds it
 * (`createOrderStoreApp`), which can be stopped and started again on the same engine.
 */
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ORDER_PLACED_V1,
  type OrderPlacedV1,
  encodeEventRecord,
} from '@shopstream/commerce-contracts';
import { CommerceSpsModule } from '@shopstream/commerce-service-config';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { applyOrderStoreMigrations } from '@shopstream/order-store-data/testing';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { waitForGroupCaughtUp } from '@shopstream/commerce-service-config/testing';
import { Client } from 'pg';
import { createOrderStoreApp } from '../bootstrap/create-order-store-app';
import { OrderStoreModule } from '../order-store.module';

export interface OrderStoreWorld {
  engine: Engine;
  /** A client of the engine for the test itself (producing, admin). */
  client: SpsClient;
  databaseUrl: string;
  /** Plain SQL on the order-store database, to count what the service wrote. */
  sql: Client;
  startApp(): Promise<{ app: NestFastifyApplication; url: string }>;
  stopApp(): Promise<void>;
  publish(order: OrderPlacedV1, options?: { eventId?: string }): Promise<void>;
  /** Waits until group `order-store` has handled (and committed) everything on `orders`. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The contracts' example order under a new id (and, optionally, other fields). */
export function anOrder(changes: Partial<OrderPlacedV1> = {}): OrderPlacedV1 {
  counter++;
  return { ...ORDER_PLACED_V1.example, orderId: `ord_T${Date.now()}N${counter}`, ...changes };
}

export async function startOrderStoreWorld(): Promise<OrderStoreWorld> {
  const postgres: TestPostgres = await startTestPostgres();
  const { url: databaseUrl } = await postgres.ensureDatabase('order_store');
  await applyOrderStoreMigrations(databaseUrl);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dir: TempDir = await tempDir('order-store-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  let app: NestFastifyApplication | undefined;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'order-store', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      OrderStoreModule.forRoot({ databaseUrl }),
    ],
  })
  class TestOrderStoreModule {}

  const world: OrderStoreWorld = {
    engine,
    client,
    databaseUrl,
    sql,
    async startApp() {
      app = await createOrderStoreApp(TestOrderStoreModule, {
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
    async publish(order, options = {}) {
      await client.producer().send('orders', encodeEventRecord(ORDER_PLACED_V1, order, options));
    },
    async caughtUp() {
      await waitForGroupCaughtUp(client, 'order-store', 'orders');
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
