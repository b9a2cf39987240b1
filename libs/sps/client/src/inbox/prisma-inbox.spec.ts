// PrismaInbox against a real PostgreSQL 18 with a real generated Prisma client: the event id
// and the effect commit together or not at all, and concurrent deliveries of one event run
// the effect exactly once.
import { hasSpsCode } from '@shopstream/sps-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type InboxDatabase,
  type InboxTransaction,
  startInboxDatabase,
} from './__tests__/inbox-database';
import { PrismaInbox } from './prisma-inbox';

describe('PrismaInbox', () => {
  let db: InboxDatabase;
  let inbox: PrismaInbox<InboxTransaction>;

  beforeAll(async () => {
    db = await startInboxDatabase();
    inbox = new PrismaInbox(db.prisma);
  }, 60_000);
  afterAll(async () => {
    await db?.stop();
  });

  const capture = (orderId: string) =>
    inbox.handleOnce(`evt-${orderId}`, (tx) =>
      tx.payment.create({ data: { orderId, amountCents: 4_200 } }),
    );

  it('runs the effect and records the event id with it; a redelivery is a duplicate', async () => {
    const first = await inbox.handleOnce(
      'evt-ord_1',
      (tx) => tx.payment.create({ data: { orderId: 'ord_1', amountCents: 4_200 } }),
      { columns: { stream: 'orders', partition: 3 } },
    );
    expect(first).toMatchObject({ status: 'handled', result: { orderId: 'ord_1' } });
    expect(await capture('ord_1')).toEqual({ status: 'duplicate' });

    expect(await db.count('payments', { orderId: 'ord_1' })).toBe(1);
    const row = await db.prisma.inboxEvent.findUniqueOrThrow({ where: { eventId: 'evt-ord_1' } });
    expect(row).toMatchObject({ stream: 'orders', partition: 3 });
  });

  it('records nothing when the effect fails, so the redelivery runs it', async () => {
    const failed = await inbox
      .handleOnce('evt-ord_2', async (tx) => {
        await tx.payment.create({ data: { orderId: 'ord_2', amountCents: 100 } });
        throw new Error('payment provider timed out');
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ message: 'payment provider timed out' });
    expect(await db.count('payments', { orderId: 'ord_2' })).toBe(0); // rolled back with…
    expect(await db.count('inbox_events', { eventId: 'evt-ord_2' })).toBe(0); // …the inbox row

    expect(await capture('ord_2')).toMatchObject({ status: 'handled' });
    expect(await db.count('payments', { orderId: 'ord_2' })).toBe(1);
  });

  it('runs the effect once for concurrent deliveries of one event', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        inbox.handleOnce('evt-ord_3', async (tx) => {
          // Hold the transaction open, so the other deliveries really wait on the row.
          await tx.$executeRawUnsafe('SELECT pg_sleep(0.05)');
          return tx.payment.create({ data: { orderId: 'ord_3', amountCents: 700 } });
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(7);
    expect(await db.count('payments', { orderId: 'ord_3' })).toBe(1);
  });

  it('lets a waiting delivery run the effect when the first one rolls back', async () => {
    let releaseFirst!: () => void;
    const firstMayFail = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));

    const first = inbox
      .handleOnce('evt-ord_4', async () => {
        firstStarted();
        await firstMayFail;
        throw new Error('crashed mid-effect');
      })
      .catch((e: unknown) => e);
    await started; // the first delivery holds the inbox row, uncommitted
    const second = capture('ord_4'); // blocks on that row
    await new Promise((resolve) => setTimeout(resolve, 100)); // let it reach the lock
    releaseFirst();

    expect(await first).toMatchObject({ message: 'crashed mid-effect' });
    expect(await second).toMatchObject({ status: 'handled' });
    expect(await db.count('payments', { orderId: 'ord_4' })).toBe(1);
  });

  it('refuses table and column names that are not plain identifiers', () => {
    const bad = (() => {
      try {
        return new PrismaInbox(db.prisma, { table: 'inbox; DROP TABLE payments' });
      } catch (error) {
        return error;
      }
    })();
    expect(hasSpsCode(bad, 'SPS_ERR_INVALID_ARGUMENT')).toBe(true);
  });
});
