// The order API as a client sees it, on a real Nest app over the embedded SPS engine: a 202
// only for an order that is on the stream (readable at the returned index), every wrong field
// in one 400, the contracts' 413/415/503 bodies, and Idempotency-Key giving the same order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_ORDER_BODY_BYTES,
  ORDER_PLACED_V1,
  createOrderExample,
  parseEventRecord,
  payloadTooLarge,
} from '@shopstream/commerce-contracts';
import { connect } from '@shopstream/sps-client';
import { startOrderApi, unreachableDriver, type OrderApiHarness } from './order-api-harness';

let api: OrderApiHarness;

beforeAll(async () => {
  api = await startOrderApi();
});
afterAll(async () => {
  await api?.close();
});

/** The record the engine holds at `partition`/`index` of `orders`. */
async function recordAt(partition: number, index: number) {
  const client = await connect({ driver: 'embedded', engine: api.engine });
  try {
    const [record] = await client.admin().read('orders', partition, { from: index, limit: 1 });
    expect(record?.index).toBe(index);
    return record!;
  } finally {
    await client.close();
  }
}

describe('POST /orders', () => {
  it('answers 202 with where the order.placed record is, and the record is there', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await api.post(createOrderExample, { traceparent });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['index', 'orderId', 'partition', 'stream']);
    expect(res.body).toMatchObject({ orderId: expect.stringMatching(/^ord_/), stream: 'orders' });

    const record = await recordAt(res.body.partition!, res.body.index!);
    const event = parseEventRecord(ORDER_PLACED_V1, record);
    expect(event.key).toBe(res.body.orderId);
    expect(event.traceparent).toBe(traceparent);
    expect(event.payload).toMatchObject({
      orderId: res.body.orderId,
      customer: createOrderExample.customer,
      promoCode: 'WELCOME10',
      totals: { subtotalCents: 6200, discountCents: 620, totalCents: 5580 },
      currency: 'EUR',
    });
    expect(event.payload.items[0]).toEqual({
      sku: 'SKU-TEE-BLK-M',
      name: 'Organic Cotton Tee, Black, M',
      quantity: 2,
      unitPriceCents: 2400,
    });
  });

  it('names every wrong field in one 400: shape, unknown SKU, promo code, header', async () => {
    const res = await api.post(
      {
        ...createOrderExample,
        customer: { id: 'cus_42', name: 'Ada', email: 'not-an-email' },
        items: [
          { sku: 'SKU-TEE-BLK-M', quantity: 0 },
          { sku: 'SKU-DOES-NOT-EXIST', quantity: 1 },
        ],
        promoCode: 'FREESTUFF',
        shippingAddress: { ...createOrderExample.shippingAddress, postcode: '10117' },
      },
      { 'idempotency-key': 'has spaces' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(res.body.issues!.map((i) => i.field)).toEqual([
      'customer.email',
      'items[0].quantity',
      'shippingAddress.postcode',
      'items[1].sku',
      'promoCode',
      'headers["idempotency-key"]',
    ]);
    expect(res.body.issues).toContainEqual({
      field: 'promoCode',
      message: 'unknown promo code "FREESTUFF"',
    });
  });

  it('answers 400 to malformed JSON, naming the body', async () => {
    const res = await api.post('{"customer": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', issues: [{ field: '' }] });
  });

  it('answers 413 with the contracts body to a body over 64 KiB', async () => {
    const res = await api.post({ ...createOrderExample, pad: 'x'.repeat(MAX_ORDER_BODY_BYTES) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(payloadTooLarge(MAX_ORDER_BODY_BYTES));
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])(
    'answers 415 to %s',
    async (type) => {
      const res = await api.post(JSON.stringify(createOrderExample), { 'content-type': type });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ error: 'unsupported_media_type', message: expect.any(String) });
    },
  );

  it('gives a retried request with the same Idempotency-Key the same order and event id', async () => {
    const key = { 'idempotency-key': `checkout-${Date.now()}` };
    const first = await api.post(createOrderExample, key);
    const retry = await api.post(createOrderExample, key);
    const other = await api.post(createOrderExample, {
      'idempotency-key': `${key['idempotency-key']}-b`,
    });
    expect([first.status, retry.status, other.status]).toEqual([202, 202, 202]);
    expect(retry.body.orderId).toBe(first.body.orderId);
    expect(other.body.orderId).not.toBe(first.body.orderId);
    // Two records (consumers deduplicate), one order id and one event id.
    const a = parseEventRecord(
      ORDER_PLACED_V1,
      await recordAt(first.body.partition!, first.body.index!),
    );
    const b = parseEventRecord(
      ORDER_PLACED_V1,
      await recordAt(retry.body.partition!, retry.body.index!),
    );
    expect(retry.body.index).toBeGreaterThan(first.body.index!);
    expect(b.eventId).toBe(a.eventId);
  });
});

describe('operations', () => {
  it('reports the stream in /health and counts orders and append latency in /metrics', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { stream: { status: 'up', driver: 'embedded', orders: true } },
    });
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    // prom-client puts a counter's own labels before the default `service` label, a histogram's after it.
    expect(metrics).toMatch(/orders_placed_total\{promo="WELCOME10",service="order-api"\} [1-9]/);
    expect(metrics).toMatch(
      /order_append_duration_seconds_count\{service="order-api",outcome="ok"\} [1-9]/,
    );
  });

  it('serves the generated OpenAPI document unchanged and a Swagger UI at /docs', async () => {
    const checkedIn = JSON.parse(
      readFileSync(join(__dirname, '../../../../../docs/openapi.json'), 'utf8'),
    );
    const served = await fetch(`${api.url}/docs/openapi.json`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(checkedIn);
    const page = await fetch(`${api.url}/docs`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/docs/swagger-ui-bundle.js');
    const bundle = await fetch(`${api.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});

describe('when the stream is unreachable', () => {
  it('answers 503 with the contracts body, and /health says the stream is down', async () => {
    const broken = await startOrderApi({
      appendTimeoutMs: 500,
      connection: { driver: unreachableDriver() },
    });
    try {
      const res = await broken.post(createOrderExample);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        error: 'unavailable',
        message: expect.stringMatching(/Idempotency-Key/),
      });
      const health = await fetch(`${broken.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ error: { stream: { status: 'down' } } });
    } finally {
      await broken.close();
    }
  });
});
