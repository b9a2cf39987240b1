/**
 * What the mailer tests run on: a real PostgreSQL with the mailer migrations, a real SMTP
 * server with an inbox API (MailDev), the embedded SPS engine, and the mailer Nest app built
 * as the service builds it (`createMailerApp`).
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
import { type MailCatcher } from '@shopstream/local-infra';
import {
  startTestMailCatcher,
  startTestPostgres,
  type TestPostgres,
} from '@shopstream/local-infra/testing';
import { applyMailerMigrations } from '@shopstream/mailer-data/testing';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { Client } from 'pg';
import { createMailerApp } from '../bootstrap/create-mailer-app';
import { MailerModule } from '../mailer.module';

/** Deliveries per record in these tests (the service uses MAILER_RETRY). */
export const TEST_MAX_ATTEMPTS = 3;

export interface MailerWorld {
  engine: Engine;
  client: SpsClient;
  catcher: MailCatcher;
  sql: Client;
  startApp(): Promise<{ app: NestFastifyApplication; url: string }>;
  stopApp(): Promise<void>;
  publish(order: OrderPlacedV1, options?: { eventId?: string }): Promise<void>;
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** The contracts' example order under a new id (and, optionally, other fields). */
export function anOrder(changes: Partial<OrderPlacedV1> = {}): OrderPlacedV1 {
  counter++;
  return { ...ORDER_PLACED_V1.example, orderId: `ord_M${Date.now()}N${counter}`, ...changes };
}

export async function startMailerWorld(): Promise<MailerWorld> {
  const [postgres, catcher]: [TestPostgres, MailCatcher] = await Promise.all([
    startTestPostgres(),
    startTestMailCatcher(),
  ]);
  const { url: databaseUrl } = await postgres.ensureDatabase('mailer');
  await applyMailerMigrations(databaseUrl);
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dir: TempDir = await tempDir('mailer-');
  const engine = await Engine.open({
    dataDir: dir.path,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  const client = await connect({ driver: 'embedded', engine });
  let app: NestFastifyApplication | undefined;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'mailer', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      MailerModule.forRoot({
        databaseUrl,
        smtp: {
          host: catcher.host,
          port: catcher.smtpPort,
          from: 'shopstream <orders@shopstream.local>',
          timeouts: { connectionMs: 1_000, greetingMs: 1_000, socketMs: 2_000 },
        },
      }),
    ],
  })
  class TestMailerModule {}

  const world: MailerWorld = {
    engine,
    client,
    catcher,
    sql,
    async startApp() {
      app = await createMailerApp(TestMailerModule, {
        retry: { maxAttempts: TEST_MAX_ATTEMPTS, initialDelayMs: 10, maxDelayMs: 50 },
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
    caughtUp: () => waitForGroupCaughtUp(client, 'mailer', 'orders'),
    async close() {
      await world.stopApp();
      await client.close();
      await engine.close();
      await dir.remove();
      await sql.end();
      await Promise.all([postgres.stop(), world.catcher.stop()]); // a test may have replaced it
    },
  };
  return world;
}
