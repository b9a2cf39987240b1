/**
 * The suite, part 2, end to end (issue 7): one order reaches all six effects, each checked
 * through the owning service's own API; promo counts stay exact over 200 orders, a restart and a
 * redelivery; a service stopped while orders come in catches up once started.
 */
import { STREAMS } from '@shopstream/commerce-contracts';
import { readLabelPdf } from '@shopstream/commerce-shipping/testing';
import { waitFor } from '@shopstream/sps-testing';
import { expect, it } from 'vitest';
import {
  getJson,
  newOrderBody,
  placeValidOrder,
  storedOrder,
  type Accepted,
} from '../support/orders';
import { type ShopStack } from '../support/shop-stack';

interface PromoLine {
  code?: string;
  orders: number;
  discountCents: number;
}
interface PromoBoard {
  promos: PromoLine[];
  withoutCode: PromoLine;
  ordersCounted: number;
}

async function promoBoard(s: ShopStack): Promise<PromoBoard> {
  return (await getJson<PromoBoard>(`${s.url('promo-counter')}/promos`))!;
}

function ordersByCode(board: PromoBoard): Record<string, number> {
  const out: Record<string, number> = { '': board.withoutCode.orders };
  for (const p of board.promos) out[p.code!] = p.orders;
  return out;
}

/** promo-counter's reader has read everything on `orders` (its /health reports positions). */
async function promoCounterCaughtUp(s: ShopStack): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`${s.url('promo-counter')}/health`);
      const body = (await res.json()) as { details?: { reader?: { caughtUp?: boolean } } };
      return res.ok && body.details?.reader?.caughtUp === true;
    },
    { timeoutMs: 60_000, intervalMs: 200, description: 'promo-counter to read everything' },
  );
}

export function definePart2Scenarios(stack: () => ShopStack): void {
  it('one order reaches all six effects, each checked through the owning service', async () => {
    const s = stack();
    const body = newOrderBody({
      items: [
        { sku: 'SKU-TEE-BLK-M', quantity: 2 },
        { sku: 'SKU-MUG-ENML-WHT', quantity: 1 },
      ],
      promoCode: 'WELCOME10',
    });
    const stockBefore = await Promise.all(
      body.items.map(
        async (i) =>
          (await getJson<{ onHand: number }>(`${s.url('stock')}/stock/${i.sku}`))!.onHand,
      ),
    );
    const promoBefore = ordersByCode(await promoBoard(s));
    const accepted = await placeValidOrder(s, body);

    // stored
    const stored = await storedOrder(s, accepted.orderId);
    const total = (stored['order'] as { totals: { totalCents: number } }).totals.totalCents;
    // emailed
    await s.inbox.waitForMail((m) => m.to.some((t) => t.address === body.customer.email), 30_000);
    // shipping label: the PDF parses, names the order and carries the tracking number as a barcode
    const shipment = await waitFor(
      () =>
        getJson<{ trackingNumber: string; status: string }>(
          `${s.url('shipping')}/shipments/${accepted.orderId}`,
        ),
      { timeoutMs: 30_000, intervalMs: 100, description: 'the shipment' },
    );
    expect(shipment.status).toBe('label_created');
    const pdf = await fetch(`${s.url('shipping')}/labels/${accepted.orderId}.pdf`);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const label = await readLabelPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(label.text).toContain(accepted.orderId);
    expect(label.text).toContain(body.shippingAddress.city);
    expect(label.barcodes).toContain(shipment.trackingNumber);
    // stock decremented (or backordered) by exactly the ordered quantities
    await waitFor(
      async () => {
        const movements = await Promise.all(
          body.items.map((i) =>
            getJson<{ movements: Array<{ orderId: string }> }>(
              `${s.url('stock')}/stock/${i.sku}/movements`,
            ),
          ),
        );
        return movements.every((m) => m!.movements.some((x) => x.orderId === accepted.orderId));
      },
      { timeoutMs: 30_000, intervalMs: 100, description: 'the stock movements' },
    );
    const stockAfter = await Promise.all(
      body.items.map(
        async (i) =>
          (await getJson<{ onHand: number }>(`${s.url('stock')}/stock/${i.sku}`))!.onHand,
      ),
    );
    body.items.forEach((item, n) =>
      expect(stockAfter[n]).toBe(Math.max(0, stockBefore[n]! - item.quantity)),
    );
    // CRM updated
    const customer = await waitFor(
      () =>
        getJson<{ orderCount: number; totalSpentCents: number; email: string }>(
          `${s.url('crm')}/customers/${body.customer.id}`,
        ),
      { timeoutMs: 30_000, intervalMs: 100, description: 'the customer in crm' },
    );
    expect(customer).toMatchObject({
      orderCount: 1,
      totalSpentCents: total,
      email: body.customer.email,
    });
    // promo counted
    await waitFor(
      async () => ordersByCode(await promoBoard(s))['WELCOME10'] === promoBefore['WELCOME10']! + 1,
      {
        timeoutMs: 30_000,
        intervalMs: 100,
        description: 'WELCOME10 counted',
      },
    );
  });

  it('200 orders across promo codes give exact counts, also after a restart of promo-counter and a redelivery', async () => {
    const s = stack();
    await promoCounterCaughtUp(s);
    const before = ordersByCode(await promoBoard(s));
    // Codes with no minimum order value, and none: every one of these orders is accepted.
    const codes = ['WELCOME10', 'FRIENDS15', '', 'WELCOME10', ''];
    const expected: Record<string, number> = { ...before };
    const accepted: Accepted[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const placed = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const code = codes[(batch * 10 + i) % codes.length]!;
          expected[code] = (expected[code] ?? 0) + 1;
          return placeValidOrder(
            s,
            newOrderBody(code ? { promoCode: code } : { promoCode: undefined }),
          );
        }),
      );
      accepted.push(...placed);
    }
    expect(accepted).toHaveLength(200);
    const exact = async (): Promise<boolean> => {
      const now = ordersByCode(await promoBoard(s));
      return Object.entries(expected).every(([code, n]) => now[code] === n);
    };
    await waitFor(exact, { timeoutMs: 60_000, intervalMs: 200, description: 'exact promo counts' });

    await s.stopService('promo-counter');
    await s.startService('promo-counter');
    await promoCounterCaughtUp(s);
    expect(await exact()).toBe(true);

    // Redelivery: 20 of those records appended again, byte for byte.
    const producer = s.sps.producer({ idempotent: false });
    for (const a of accepted.slice(0, 20)) {
      const [record] = await s.sps
        .admin()
        .read(STREAMS.orders, a.partition, { from: a.index, limit: 1 });
      await producer.send(STREAMS.orders, {
        key: record!.key,
        value: record!.value,
        headers: record!.headers,
      });
    }
    await promoCounterCaughtUp(s);
    expect(await exact()).toBe(true);
  });

  it('a service stopped while orders come in catches up after it starts', async () => {
    const s = stack();
    await s.stopService('crm');
    const bodies = Array.from({ length: 10 }, () => newOrderBody());
    for (const body of bodies) await placeValidOrder(s, body);
    expect(await getJson(`${s.url('order-api')}/health`)).toBeDefined(); // the rest keeps running
    await s.startService('crm');
    for (const body of bodies) {
      await waitFor(() => getJson(`${s.url('crm')}/customers/${body.customer.id}`), {
        timeoutMs: 60_000,
        intervalMs: 200,
        description: `customer ${body.customer.id} in crm`,
      });
    }
  });
}
