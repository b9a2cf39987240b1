/**
 * What the shipping tests run on: a real PostgreSQL with the shipping migrations, the
 * embedded SPS engine, and the shipping Nest app built as the service builds it
 * (`createShippingApp`), which can be stopped and started again on the same engine.
 */
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ORDER_PLACED_V1,
  type OrderPlacedV1,
  encodeEventRecord,
} from '@shopstream/commerce-contracts';
import { CommerceSpsModule } from '@shopstream/commerce-service-config';
import { waitForGroupCaughtUp } from '@shopstream/commerce-service-config/testing';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { applyShippingMigrations } from '@shopstream/shipping-data/testing';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { Client } from 'pg';
import { createShippingApp } from '../bootstrap/create-shipping-app';
import { ShippingModule } from '../shipping.module';

export interface ShippingWorld {
  engine: Engine;
  /** A client of the engine for the test itself (producing, admin). */
  client: SpsClient;
  /** Plain SQL on the shipping database, to count what the service wrote. */
  sql: Client;
  startApp(): Promise<{ app: NestFastifyApplication; url: string }>;
  stopApp(): Promise<void>;
  /** Appends `order.placed`; `partition` pins it (else the key places it). */
  publish(order: OrderPlacedV1, options?: { eventId?: string; partition?: number }): Promise<void>;
  /** Waits until group `shipping` has handled (and committed) everything on `orders`. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The contracts' example order under a new id (and, optionally, other fields). */
export function anOrder(changes: Partial<OrderPlacedV1> = {}): OrderPlacedV1 {
  counter++;
  return { ...ORDER_PLACED_V1.example, orderId: `ord_S${Date.now()}N${counter}`, ...changes };
}

export async function startShippingWorld(): Promise<ShippingWorld> {
  const postgres: TestPostgres = await startTestPostgres();
  const { url: databaseUrl } = await postgres.ensureDatabase('shipping');
  await applyShippingMigrations(databaseUrl);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dir: TempDir = await tempDir('shipping-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  let app: NestFastifyApplication | undefined;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'shipping', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      ShippingModule.forRoot({ databaseUrl }),
    ],
  })
  class TestShippingModule {}

  const world: ShippingWorld = {
    engine,
    client,
    sql,
    async startApp() {
      app = await createShippingApp(TestShippingModule, {
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
    caughtUp: () => waitForGroupCaughtUp(client, 'shipping', 'orders'),
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
