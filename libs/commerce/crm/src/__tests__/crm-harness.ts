/**
 * What the crm tests run on: a real PostgreSQL with the crm migrations, the embedded SPS
 * engine, and the crm Nest app built as the service builds it (`createCrmApp`), which can be
 * stopped and started again on the same engine.
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
import { applyCrmMigrations } from '@shopstream/crm-data/testing';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { Client } from 'pg';
import { createCrmApp } from '../bootstrap/create-crm-app';
import { CrmModule } from '../crm.module';

export interface CrmWorld {
  engine: Engine;
  /** A client of the engine for the test itself (producing, admin). */
  client: SpsClient;
  /** Plain SQL on the crm database, to count what the service wrote. */
  sql: Client;
  startApp(): Promise<{ app: NestFastifyApplication; url: string }>;
  stopApp(): Promise<void>;
  publish(order: OrderPlacedV1, options?: { eventId?: string }): Promise<void>;
  /** Waits until group `crm` has handled (and committed) everything on `orders`. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The contracts' example order under a new id (and, optionally, other fields). */
export function anOrder(changes: Partial<OrderPlacedV1> = {}): OrderPlacedV1 {
  counter++;
  return { ...ORDER_PLACED_V1.example, orderId: `ord_C${Date.now()}N${counter}`, ...changes };
}

export async function startCrmWorld(): Promise<CrmWorld> {
  const postgres: TestPostgres = await startTestPostgres();
  const { url: databaseUrl } = await postgres.ensureDatabase('crm');
  await applyCrmMigrations(databaseUrl);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dir: TempDir = await tempDir('crm-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  let app: NestFastifyApplication | undefined;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'crm', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      CrmModule.forRoot({ databaseUrl }),
    ],
  })
  class TestCrmModule {}

  const world: CrmWorld = {
    engine,
    client,
    sql,
    async startApp() {
      app = await createCrmApp(TestCrmModule, {
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
      await waitForGroupCaughtUp(client, 'crm', 'orders');
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
