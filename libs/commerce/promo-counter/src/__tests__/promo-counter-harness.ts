/**
 * What the promo-counter tests run on: the embedded SPS engine, a snapshot directory, and the
 * promo-counter Nest app built as the service builds it (`createPromoCounterApp`), which can
 * be stopped and started again on the same engine and directory. The harness keeps a ledger of
 * every distinct order it published and computes the expected counts from it on its own (not
 * with PromoTally), so a test compares the service against an independent answer.
 */
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ORDER_PLACED_V1,
  PROMOS,
  type OrderPlacedV1,
  computeTotals,
  encodeEventRecord,
} from '@shopstream/commerce-contracts';
import { CommerceSpsModule } from '@shopstream/commerce-service-config';
import { ServiceKitModule } from '@shopstream/service-kit';
import { type SpsClient, connect } from '@shopstream/sps-client';
import { Engine } from '@shopstream/sps-log';
import { tempDir, type TempDir, waitFor } from '@shopstream/sps-testing';
import { join } from 'node:path';
import { createPromoCounterApp } from '../bootstrap/create-promo-counter-app';
import { type PromoBoard, type WithoutCodeCount } from '../counting/promo-count.types';
import { PromoCounterModule } from '../promo-counter.module';

export interface PromoWorld {
  client: SpsClient;
  snapshotDir: string;
  url(): string;
  startApp(): Promise<void>;
  stopApp(): Promise<void>;
  /** Publishes `order` (an event id per call unless given) and notes it in the ledger. */
  publish(order: OrderPlacedV1, options?: { eventId?: string }): Promise<void>;
  /** The board the ledger says the service must show. */
  expected(): PromoBoard;
  getJson<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  /** Waits until `GET /promos` counts as many orders as the ledger holds, and returns it. */
  counted(): Promise<PromoBoard>;
  /** `GET /health`'s `reader` details. */
  reader(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

let n = 0;

/** A valid order with `code` (`null`: none) and a basket size from `size` (1..10). */
export function anOrder(
  code: string | null,
  size = 1,
  placedAt = new Date().toISOString(),
): OrderPlacedV1 {
  n++;
  const items = ORDER_PLACED_V1.example.items.map((item, i) => ({
    ...item,
    quantity: i === 0 ? size : 1,
  }));
  const { promoCode: _none, ...base } = ORDER_PLACED_V1.example;
  return {
    ...base,
    orderId: `ord_P${Date.now()}N${n}`,
    placedAt,
    items,
    ...(code === null ? {} : { promoCode: code }),
    totals: computeTotals(items, code ?? undefined),
  };
}

export async function startPromoWorld(): Promise<PromoWorld> {
  const dir: TempDir = await tempDir('promo-counter-');
  const engine = await Engine.open({ dataDir: join(dir.path, 'engine'), fsync: 'never' });
  const client = await connect({ driver: 'embedded', engine });
  // Created here, as the service would find it on the broker: the tests publish before the
  // first start of the app.
  await client.admin().createStream('orders', { partitions: 3 });
  const snapshotDir = join(dir.path, 'snapshots');
  const ledger = new Map<string, OrderPlacedV1>();
  let app: NestFastifyApplication | undefined;
  let url = '';

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'promo-counter', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection: { driver: 'embedded', engine } }),
      PromoCounterModule.forRoot({
        snapshotDir,
        snapshotIntervalMs: 100,
        heartbeatIntervalMs: 200,
      }),
    ],
  })
  class TestPromoCounterModule {}

  const world: PromoWorld = {
    client,
    snapshotDir,
    url: () => url,
    async startApp() {
      app = await createPromoCounterApp(TestPromoCounterModule);
      await app.listen(0, '127.0.0.1');
      url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    async stopApp() {
      await app?.close();
      app = undefined;
    },
    async publish(order, options = {}) {
      if (!ledger.has(order.orderId)) ledger.set(order.orderId, order);
      await client.producer().send('orders', encodeEventRecord(ORDER_PLACED_V1, order, options));
    },
    expected: () => expectedBoard([...ledger.values()]),
    async getJson<T>(path: string) {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as T };
    },
    async counted() {
      return await waitFor(
        async () => {
          const { body } = await world.getJson<PromoBoard>('/promos');
          return body.ordersCounted === ledger.size ? body : undefined;
        },
        { description: `${ledger.size} orders counted` },
      );
    },
    async reader() {
      const { body } = await world.getJson<{ details: { reader: Record<string, unknown> } }>(
        '/health',
      );
      return body.details.reader;
    },
    async close() {
      await world.stopApp();
      await client.close();
      await engine.close();
      await dir.remove();
    },
  };
  return world;
}

/** The board for `orders`, computed directly: per code, sums and the latest placedAt. */
function expectedBoard(orders: OrderPlacedV1[]): PromoBoard {
  const sum = (list: OrderPlacedV1[]): WithoutCodeCount => {
    const out: WithoutCodeCount = {
      orders: list.length,
      totalCents: list.reduce((s, o) => s + o.totals.totalCents, 0),
      discountCents: list.reduce((s, o) => s + o.totals.discountCents, 0),
    };
    const latest = Math.max(...list.map((o) => Date.parse(o.placedAt)));
    if (list.length > 0) out.lastOrderAt = new Date(latest).toISOString();
    return out;
  };
  const codes = [...PROMOS.map((p) => p.code)];
  for (const o of orders) if (o.promoCode && !codes.includes(o.promoCode)) codes.push(o.promoCode);
  return {
    promos: codes.map((code) => ({ code, ...sum(orders.filter((o) => o.promoCode === code)) })),
    withoutCode: sum(orders.filter((o) => o.promoCode === undefined)),
    ordersCounted: orders.length,
  };
}
