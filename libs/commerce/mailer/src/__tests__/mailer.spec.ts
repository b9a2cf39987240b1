// The mailer on a real PostgreSQL, a real SMTP server (MailDev) and the embedded SPS engine:
// one confirmation per order with the right content, none again for a redelivered event, a
// poison event dead-lettered with the reason while the partition moves on, and an SMTP outage
// retried, dead-lettered and sent after a re-drive once SMTP is back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PLACED_V1 } from '@shopstream/commerce-contracts';
import { startMailCatcher, type CapturedMail } from '@shopstream/local-infra';
import { type SpsMessage, headerValue } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';
import { TEST_MAX_ATTEMPTS, anOrder, startMailerWorld, type MailerWorld } from './mailer-harness';

let world: MailerWorld;
let url: string;

beforeAll(async () => {
  world = await startMailerWorld();
  ({ url } = await world.startApp());
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function mailsFor(orderId: string): Promise<CapturedMail[]> {
  return (await world.catcher.client.list()).filter((m) => m.subject.includes(orderId));
}

async function deadLetter(eventId: string): Promise<SpsMessage> {
  return await waitFor(
    async () => {
      const admin = world.client.admin();
      if (!(await admin.listStreams()).includes('orders.dlq')) return undefined;
      for (const p of (await admin.describeStream('orders.dlq')).partitions) {
        for (const m of await admin.read('orders.dlq', p.partition, { from: 0 })) {
          if (headerValue(m.headers, 'event-id') === eventId) return m;
        }
      }
      return undefined;
    },
    { description: `event ${eventId} in orders.dlq` },
  );
}

describe('mailer', () => {
  it('sends one confirmation with the lines, totals, promo code and address', async () => {
    const order = anOrder();
    const eventId = randomUUID();
    await world.publish(order, { eventId });

    const mail = await world.catcher.client.waitForMail((m) => m.subject.includes(order.orderId));
    expect(mail.subject).toBe(`Your shopstream order ${order.orderId}`);
    expect(mail.to).toEqual([{ address: 'ada@example.com', name: 'Ada Lovelace' }]);
    expect(mail.from).toEqual([{ address: 'orders@shopstream.local', name: 'shopstream' }]);
    expect(mail.headers['message-id']).toBe(`<${eventId}@shopstream.local>`);
    expect(mail.text).toContain(
      '2 × Organic Cotton Tee, Black, M (SKU-TEE-BLK-M) at €24.00: €48.00',
    );
    expect(mail.text).toContain('Discount (WELCOME10): −€6.20');
    expect(mail.text).toContain('Total: €55.80');
    expect(mail.text).toContain('Friedrichstraße 123');
    expect(mail.html).toContain('<td align="right">€55.80</td>');

    const res = await fetch(`${url}/messages?orderId=${order.orderId}`);
    expect(await res.json()).toEqual([
      {
        eventId,
        orderId: order.orderId,
        messageId: `<${eventId}@shopstream.local>`,
        to: 'ada@example.com',
        subject: `Your shopstream order ${order.orderId}`,
        sentAt: expect.any(String),
        smtpResponse: expect.stringMatching(/^250/),
      },
    ]);
  });

  it('sends no second mail for a redelivered event, also after the group replays the stream', async () => {
    const order = anOrder();
    const eventId = randomUUID();
    await world.publish(order, { eventId });
    await world.publish(order, { eventId }); // the same event again (a producer or client retry)
    await world.caughtUp();
    expect(await mailsFor(order.orderId)).toHaveLength(1);

    await world.stopApp();
    await world.client.admin().resetGroup('mailer', 'orders', 'earliest');
    ({ url } = await world.startApp());
    await world.caughtUp();
    expect(await mailsFor(order.orderId)).toHaveLength(1);
    const { rows } = await world.sql.query('SELECT count(*)::int AS n FROM sent_messages');
    expect((await world.catcher.client.list()).length).toBe(rows[0].n);
  });

  it('retries while SMTP is down, dead-letters, and sends once after a re-drive', async () => {
    const { smtpPort, webPort } = world.catcher;
    await world.catcher.stop();
    const order = anOrder();
    const eventId = randomUUID();
    await world.publish(order, { eventId });

    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe(String(TEST_MAX_ATTEMPTS));
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toMatch(/^SMTP send failed/);
    const { rows } = await world.sql.query(
      'SELECT count(*)::int AS n FROM sent_messages WHERE event_id = $1',
      [eventId],
    );
    expect(rows[0].n).toBe(0);

    world.catcher = await startMailCatcher({ smtpPort, webPort }); // SMTP is back
    // Re-drive moves every dead letter back to `orders`, for every group: a poison record
    // would come back to the dead-letter stream, so this test runs before the poison one.
    await world.client.redrive('orders.dlq');
    await world.catcher.client.waitForMail((m) => m.subject.includes(order.orderId));
    await world.caughtUp();
    expect(await mailsFor(order.orderId)).toHaveLength(1);
  });

  it('dead-letters an event that breaks the contract, with the reason, and moves on', async () => {
    const order = anOrder();
    const eventId = randomUUID();
    await world.client.producer().send('orders', {
      key: order.orderId,
      value: JSON.stringify({ ...order, totals: { ...order.totals, totalCents: 1 } }),
      headers: { 'event-type': ORDER_PLACED_V1.type, 'event-version': '1', 'event-id': eventId },
    });
    await world.publish(order); // same key, same partition, behind the poison event

    await world.catcher.client.waitForMail((m) => m.subject.includes(order.orderId));
    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toBe(
      'totals.totalCents: must equal subtotalCents − discountCents (5580)',
    );
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    expect(await mailsFor(order.orderId)).toHaveLength(1);
  });

  it('reports the database and the stream in /health', async () => {
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      info: { database: { status: 'up' }, stream: { status: 'up' } },
    });
  });
});
