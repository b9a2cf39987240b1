// A small Nest app on the SPS transport, over the real embedded engine: typed payloads and
// context reach @EventPattern handlers; a throwing handler is retried, then dead-lettered, and
// the partition moves on; shutdown commits, so a restarted app does not get handled records again.
import { BadRequestException, Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpsError } from '@shopstream/sps-core';
import { Engine } from '@shopstream/sps-log';
import { connect, headerValue, SpsClient } from '@shopstream/sps-client';
import { connectSpsTransport } from '../connect-sps-transport';
import { SpsClientProxy } from '../sps.client-proxy';
import { SpsContext } from '../sps.context';
import { SpsModule } from '../sps.module';

interface OrderPlaced {
  orderId: string;
  totalCents: number;
}

interface Seen {
  orderId: string;
  totalCents: number;
  stream: string;
  partition: number;
  index: number | string;
  key: string | null;
  eventType: string | undefined;
  attempt: number;
  traceparent: string | null;
}

const seen: Seen[] = [];
const failures = { retriableLeft: 0 };

@Controller()
class OrdersHandler {
  @Get('boom')
  boom(): never {
    throw new BadRequestException('bad input');
  }

  @EventPattern('order.placed')
  onOrderPlaced(@Payload() order: OrderPlaced, @Ctx() ctx: SpsContext): void {
    if (order.orderId === 'poison') {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'this order cannot be handled');
    }
    if (order.orderId === 'flaky' && failures.retriableLeft > 0) {
      failures.retriableLeft--;
      throw new Error('database briefly unavailable'); // no retriable flag: retried by default
    }
    seen.push({
      orderId: order.orderId,
      totalCents: order.totalCents,
      stream: ctx.stream,
      partition: ctx.partition,
      index: ctx.index,
      key: ctx.key,
      eventType: ctx.header('event-type'),
      attempt: ctx.attempt,
      traceparent: ctx.traceparent,
    });
  }
}

let engine: Engine;
let dataDir: string;
let app: INestApplication | undefined;

beforeEach(async () => {
  seen.length = 0;
  failures.retriableLeft = 0;
  dataDir = await mkdtemp(join(tmpdir(), 'sps-nest-'));
  engine = await Engine.open({
    dataDir,
    fsync: 'never',
    coordinator: { minSessionTimeoutMs: 100 },
  });
  await engine.createStream('orders', { partitions: 2 });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await engine.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function startApp(): Promise<INestApplication> {
  @Module({
    imports: [
      SpsModule.forRoot({
        connection: { driver: 'embedded', engine },
        routes: { 'order.placed': { stream: 'orders', key: (o: OrderPlaced) => o.orderId } },
      }),
    ],
    controllers: [OrdersHandler],
  })
  class AppModule {}
  const created = await NestFactory.create(AppModule, new FastifyAdapter(), {
    logger: false,
    abortOnError: false,
  });
  connectSpsTransport(created, {
    group: 'mailer',
    streams: ['orders'],
    retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
    commit: { intervalMs: 60_000, maxPending: 10_000 }, // only shutdown commits in this test
  });
  await created.startAllMicroservices();
  await created.listen(0, '127.0.0.1');
  app = created;
  return created;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function emit(nest: INestApplication, order: OrderPlaced): Promise<void> {
  await lastValueFrom(nest.get(SpsClientProxy).emit('order.placed', order));
}

describe('SPS transport for NestJS', () => {
  it('routes records by event-type to @EventPattern handlers with typed payload and context', async () => {
    const nest = await startApp();
    await emit(nest, { orderId: 'ord_1', totalCents: 1999 });
    await emit(nest, { orderId: 'ord_2', totalCents: 500 });
    await waitFor(() => seen.length === 2, 'two orders');
    const first = seen.find((s) => s.orderId === 'ord_1')!;
    expect(first).toMatchObject({
      totalCents: 1999,
      stream: 'orders',
      key: 'ord_1',
      eventType: 'order.placed',
      attempt: 1,
    });
    expect(first.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(typeof first.index).toBe('number');
  });

  it('retries a failing handler, then dead-letters a poison record and moves on', async () => {
    failures.retriableLeft = 2;
    const nest = await startApp();
    const client = nest.get(SpsClient);
    // All on one partition (one key) so "moves on" is about the same partition.
    await client.producer().send('orders', [
      {
        key: 'k',
        value: JSON.stringify({ orderId: 'flaky', totalCents: 1 }),
        headers: { 'event-type': 'order.placed' },
      },
      {
        key: 'k',
        value: JSON.stringify({ orderId: 'poison', totalCents: 2 }),
        headers: { 'event-type': 'order.placed' },
      },
      { key: 'k', value: 'not json', headers: { 'event-type': 'order.placed' } },
      {
        key: 'k',
        value: JSON.stringify({ orderId: 'after', totalCents: 3 }),
        headers: { 'event-type': 'order.placed' },
      },
    ]);
    await waitFor(
      () => seen.some((s) => s.orderId === 'after'),
      'the record after the poison ones',
    );
    expect(seen.find((s) => s.orderId === 'flaky')?.attempt).toBe(3);

    const dlqPartitions = await waitForDeadLetters(client, 2);
    const reasons = dlqPartitions.map((m) => headerValue(m.headers, 'sps-dlq-error-message'));
    expect(reasons).toEqual(['this order cannot be handled', 'record value is not valid JSON']);
    expect(dlqPartitions.map((m) => headerValue(m.headers, 'sps-dlq-attempts'))).toEqual([
      '1',
      '1',
    ]);
    expect(dlqPartitions[0]!.value?.toString()).toBe(
      JSON.stringify({ orderId: 'poison', totalCents: 2 }),
    );
  });

  it('leaves HTTP error handling of the hybrid app to Nest', async () => {
    const nest = await startApp();
    const url = (await nest.getUrl()).replace('[::1]', '127.0.0.1');
    const res = await fetch(`${url}/boom`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'bad input' });
  });

  it('commits on shutdown, so a restarted app does not get handled records again', async () => {
    let nest = await startApp();
    for (let i = 0; i < 5; i++) await emit(nest, { orderId: `ord_${i}`, totalCents: i });
    await waitFor(() => seen.length === 5, 'five orders');
    await nest.close();
    app = undefined;

    const client = await connect({ driver: 'embedded', engine });
    const group = await client.admin().describeGroup('mailer');
    expect(group.totalLag).toBe(0);
    await client.close();

    seen.length = 0;
    nest = await startApp();
    await emit(nest, { orderId: 'new', totalCents: 9 });
    await waitFor(() => seen.length >= 1, 'the new order');
    expect(seen.map((s) => s.orderId)).toEqual(['new']);
  });
});

async function waitForDeadLetters(client: SpsClient, count: number) {
  const admin = client.admin();
  let found: Awaited<ReturnType<typeof admin.read>> = [];
  await waitFor(async () => {
    const streams = await admin.listStreams();
    if (!streams.includes('orders.dlq')) return false;
    const description = await admin.describeStream('orders.dlq');
    found = [];
    for (const p of description.partitions)
      found.push(...(await admin.read('orders.dlq', p.partition, { from: 0 })));
    return found.length >= count;
  }, `${count} dead letters`);
  return found.sort(
    (a, b) =>
      Number(headerValue(a.headers, 'sps-dlq-source-index')) -
      Number(headerValue(b.headers, 'sps-dlq-source-index')),
  );
}
