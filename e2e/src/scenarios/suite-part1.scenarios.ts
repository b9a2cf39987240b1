/**
 * The suite, part 1, end to end (issue 6): order API → stream → order-store and mailer, each
 * effect checked through the owning service's API and the mail catcher's inbox.
 */
import { GROUPS, STREAMS } from '@shopstream/commerce-contracts';
import { expect, it } from 'vitest';
import { type ShopStack } from '../support/shop-stack';
import {
  caughtUp,
  getJson,
  mailsTo,
  newOrderBody,
  placeOrder,
  placeValidOrder,
  storedOrder,
} from '../support/orders';

export function definePart1Scenarios(stack: () => ShopStack): void {
  it('an order placed over HTTP is stored by order-store and emailed by mailer', async () => {
    const s = stack();
    const body = newOrderBody();
    const accepted = await placeValidOrder(s, body);
    expect(accepted).toMatchObject({ stream: STREAMS.orders, orderId: expect.any(String) });

    const stored = await storedOrder(s, accepted.orderId);
    expect(stored).toMatchObject({ order: { orderId: accepted.orderId, customer: body.customer } });

    const mail = await s.inbox.waitForMail(
      (m) => m.to.some((t) => t.address === body.customer.email),
      30_000,
    );
    expect(mail.subject).toContain(accepted.orderId);
    expect(mail.text).toContain(body.customer.name);
  });

  it('with mailer stopped, orders are still stored; started again, it sends the missed emails', async () => {
    const s = stack();
    await s.stopService('mailer');
    const bodies = [newOrderBody(), newOrderBody(), newOrderBody()];
    const accepted = [];
    for (const body of bodies) accepted.push(await placeValidOrder(s, body));
    for (const a of accepted) await storedOrder(s, a.orderId); // the seed: orders still handled
    for (const body of bodies) expect(await mailsTo(s, body.customer.email)).toHaveLength(0);

    await s.startService('mailer');
    for (const body of bodies) {
      await s.inbox.waitForMail((m) => m.to.some((t) => t.address === body.customer.email), 60_000);
    }
  });

  it('the same event delivered twice produces one row and one email', async () => {
    const s = stack();
    const body = newOrderBody();
    const accepted = await placeValidOrder(s, body);
    await storedOrder(s, accepted.orderId);
    await s.inbox.waitForMail((m) => m.to.some((t) => t.address === body.customer.email), 30_000);

    // 1) The identical record appended again (a producer retry without idempotence).
    const [original] = await s.sps
      .admin()
      .read(STREAMS.orders, accepted.partition, { from: accepted.index, limit: 1 });
    await s.sps.producer({ idempotent: false }).send(STREAMS.orders, {
      key: original!.key,
      value: original!.value,
      headers: original!.headers,
    });
    // 2) A redelivery of everything: both groups rewound to the start of the stream.
    for (const service of ['order-store', 'mailer'] as const) await s.stopService(service);
    await s.sps.admin().resetGroup(GROUPS.orderStore, STREAMS.orders, 'earliest');
    await s.sps.admin().resetGroup(GROUPS.mailer, STREAMS.orders, 'earliest');
    for (const service of ['order-store', 'mailer'] as const) await s.startService(service);
    await caughtUp(s, GROUPS.orderStore);
    await caughtUp(s, GROUPS.mailer);

    const orders = await getJson<unknown[]>(
      `${s.url('order-store')}/orders?customerId=${encodeURIComponent(body.customer.id)}`,
    );
    expect(orders).toHaveLength(1);
    expect(await mailsTo(s, body.customer.email)).toHaveLength(1);
  });

  it('an invalid order gets a 400 naming every wrong field and reaches nothing', async () => {
    const s = stack();
    const before = await s.sps.admin().describeStream(STREAMS.orders);
    const body = newOrderBody();
    const invalid = {
      ...body,
      customer: { ...body.customer, email: 'not-an-email' },
      items: [{ sku: 'SKU-DOES-NOT-EXIST', quantity: 0 }],
      coupon: 'unknown field',
    };
    const { status, body: error } = await placeOrder(s, invalid);
    expect(status).toBe(400);
    const fields = (error as { issues: Array<{ field: string }> }).issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['customer.email', 'items[0].quantity', 'coupon']),
    );

    const after = await s.sps.admin().describeStream(STREAMS.orders);
    expect(after.partitions.map((p) => p.highWatermark)).toEqual(
      before.partitions.map((p) => p.highWatermark),
    );
    expect(
      await getJson(
        `${s.url('order-store')}/orders?customerId=${encodeURIComponent(body.customer.id)}`,
      ),
    ).toEqual([]);
    expect(await mailsTo(s, body.customer.email)).toHaveLength(0);
  });
}
