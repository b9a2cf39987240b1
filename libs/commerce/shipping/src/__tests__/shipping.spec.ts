// The shipping service on a real PostgreSQL and the embedded SPS engine: one label per order
// however often its event arrives, the label read back with a real PDF parser and a real
// barcode reader, and an address no label can be made for dead-lettered with the reason while
// the partition moves on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Shipment, shipmentSchema } from '@shopstream/commerce-contracts';
import { type SpsMessage, headerValue } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';
import { trackingNumberFor } from '../label/tracking-number';
import { readLabelPdf } from '../testing/label-pdf-reader';
import { anOrder, startShippingWorld, type ShippingWorld } from './shipping-harness';

let world: ShippingWorld;
let url: string;

beforeAll(async () => {
  world = await startShippingWorld();
  ({ url } = await world.startApp());
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function getJson<T = unknown>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function shipment(orderId: string): Promise<Shipment> {
  return await waitFor(
    async () => {
      const res = await getJson<Shipment>(`/shipments/${orderId}`);
      return res.status === 200 ? res.body : undefined;
    },
    { description: `the shipment of ${orderId}` },
  );
}

async function label(path: string): Promise<Buffer> {
  const res = await fetch(`${url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

async function count(table: string, where: string, value: string): Promise<number> {
  const { rows } = await world.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where} = $1`,
    [value],
  );
  return rows[0]!.n;
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

describe('shipping', () => {
  it('makes a label with the addresses, the order id and a barcode that scans to the tracking number', async () => {
    const order = anOrder();
    await world.publish(order);

    const found = await shipment(order.orderId);
    expect(shipmentSchema.parse(found)).toEqual(found);
    expect(found).toEqual({
      orderId: order.orderId,
      trackingNumber: trackingNumberFor(order.orderId),
      carrier: 'shopstream parcel',
      status: 'label_created',
      labelUrl: `/labels/${order.orderId}.pdf`,
      createdAt: expect.any(String),
    });

    const read = await readLabelPdf(await label(found.labelUrl));
    expect(read.barcodes).toEqual([found.trackingNumber]);
    for (const text of [
      `Order ${order.orderId}`,
      'shopstream fulfilment, Lagerstraße 7, 10179 Berlin, GERMANY (DE)',
      'Ada Lovelace',
      'Friedrichstraße 123',
      '10117 Berlin',
      '3 units, est. 0.79 kg',
    ]) {
      expect(read.text.split('\n')).toContain(text);
    }
  });

  it('keeps exactly one label per order: redelivered, re-published and replayed', async () => {
    const order = anOrder();
    const eventId = randomUUID();
    await world.publish(order, { eventId });
    const first = await label((await shipment(order.orderId)).labelUrl);

    await world.publish(order, { eventId }); // the same event again (a producer retry)
    await world.publish(order, { eventId: randomUUID() }); // the order re-published
    await world.caughtUp();
    await world.stopApp(); // graceful: commits and leaves the group
    await world.client.admin().resetGroup('shipping', 'orders', 'earliest');
    ({ url } = await world.startApp());
    await world.caughtUp();

    expect(await count('shipments', 'order_id', order.orderId)).toBe(1);
    expect(await count('inbox_events', 'event_id', eventId)).toBe(1);
    // The same bytes: no second render replaced the first label.
    expect((await label(`/labels/${order.orderId}.pdf`)).equals(first)).toBe(true);
  });

  it('dead-letters an order to an unsupported country with the reason, and labels the next one', async () => {
    const unsupported = anOrder({
      shippingAddress: {
        ...anOrder().shippingAddress,
        city: 'Tokyo',
        postalCode: '100-0001',
        country: 'JP',
      },
    });
    const next = anOrder();
    const eventId = randomUUID();
    // Same partition: "moves on" is about the partition the bad order blocked.
    await world.publish(unsupported, { eventId, partition: 0 });
    await world.publish(next, { partition: 0 });

    await shipment(next.orderId);
    const dead = await deadLetter(eventId);
    expect(headerValue(dead.headers, 'sps-dlq-error-message')).toBe(
      'shippingAddress.country: no labels for "JP": the network covers the EU, GB, US, CH and NO',
    );
    expect(headerValue(dead.headers, 'sps-dlq-error-code')).toBe(
      'SHIPPING_ERR_UNSUPPORTED_COUNTRY',
    );
    expect(headerValue(dead.headers, 'sps-dlq-attempts')).toBe('1');
    expect(headerValue(dead.headers, 'sps-dlq-group')).toBe('shipping');
    expect(await count('shipments', 'order_id', unsupported.orderId)).toBe(0);
    expect(await count('inbox_events', 'event_id', eventId)).toBe(0);
  });

  it('answers 404 with the contracts body for an unknown shipment or label', async () => {
    expect(await getJson('/shipments/ord_nope')).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'no shipment for order "ord_nope" (yet)' },
    });
    for (const path of ['/labels/ord_nope.pdf', '/labels/ord_nope']) {
      const res = await getJson(path);
      expect(res).toMatchObject({ status: 404, body: { error: 'not_found' } });
    }
  });

  it('reports the database and the stream in /health', async () => {
    expect(await getJson('/health')).toMatchObject({
      status: 200,
      body: { info: { database: { status: 'up' }, stream: { status: 'up' } } },
    });
  });
});
