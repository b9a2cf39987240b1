import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REMOVE, edit } from '../__tests__/edit';
import {
  MAX_ORDER_LINES,
  createOrderExample,
  createOrderRequestSchema,
  parseCreateOrderRequest,
} from './create-order.schema';

/** The example body with some fields changed, as a client would send it. */
const body = (changes: Record<string, unknown> = {}) => edit(createOrderExample, changes);

function issuesOf(input: unknown) {
  const result = parseCreateOrderRequest(input);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result.issues;
}

const ISO_COUNTRY = 'must be an ISO 3166-1 alpha-2 country code such as "DE"';

describe('POST /orders body', () => {
  it('accepts a valid order and trims text', () => {
    const result = parseCreateOrderRequest(body({ 'customer.name': '  Ada Lovelace ' }));
    expect(result).toEqual({ ok: true, value: createOrderExample });
  });

  it('upper-cases the promo code, the spelling order.placed stores', () => {
    const result = parseCreateOrderRequest(body({ promoCode: ' welcome10' }));
    expect(result.ok && result.value.promoCode).toBe('WELCOME10');
  });

  it('accepts an order without promo code', () => {
    expect(parseCreateOrderRequest(body({ promoCode: REMOVE })).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['missing email', { 'customer.email': REMOVE }, 'customer.email', 'is required'],
    ['bad email', { 'customer.email': 'ada@' }, 'customer.email', 'must be an email address'],
    [
      'negative quantity',
      { 'items.0.quantity': -1 },
      'items[0].quantity',
      'must be a positive integer',
    ],
    ['zero quantity', { 'items.1.quantity': 0 }, 'items[1].quantity', 'must be a positive integer'],
    [
      'fractional quantity',
      { 'items.0.quantity': 1.5 },
      'items[0].quantity',
      'must be a positive integer',
    ],
    [
      'quantity as string',
      { 'items.0.quantity': '2' },
      'items[0].quantity',
      'must be a positive integer',
    ],
    ['huge quantity', { 'items.0.quantity': 1000 }, 'items[0].quantity', 'must be at most 999'],
    ['unknown top-level field', { coupon: 'X' }, 'coupon', 'unknown field'],
    [
      'unknown nested field',
      { 'shippingAddress.postcode': '1' },
      'shippingAddress.postcode',
      'unknown field',
    ],
    [
      'a client-set price',
      { 'items.1.unitPriceCents': 1 },
      'items[1].unitPriceCents',
      'unknown field',
    ],
    [
      'bad country',
      { 'shippingAddress.country': 'Germany' },
      'shippingAddress.country',
      ISO_COUNTRY,
    ],
    [
      'lower-case country',
      { 'shippingAddress.country': 'de' },
      'shippingAddress.country',
      ISO_COUNTRY,
    ],
    [
      'unassigned country',
      { 'shippingAddress.country': 'XX' },
      'shippingAddress.country',
      ISO_COUNTRY,
    ],
    ['empty items', { items: [] }, 'items', 'must have at least 1 item'],
    [
      'items not a list',
      { items: { sku: 'SKU-CAP-NVY' } },
      'items',
      'must be a list of order lines',
    ],
    [
      'a line that is not an object',
      { 'items.1': 'SKU-CAP-NVY' },
      'items[1]',
      'must be an object with sku and quantity',
    ],
    ['bad sku', { 'items.0.sku': 'tee' }, 'items[0].sku', 'must be a SKU such as "SKU-TEE-BLK-M"'],
    [
      'repeated sku',
      { 'items.1.sku': 'SKU-TEE-BLK-M' },
      'items[1].sku',
      'repeats items[0].sku: one line per SKU, add up the quantities',
    ],
    ['other currency', { currency: 'USD' }, 'currency', `must be "EUR" (the catalog's currency)`],
    ['blank city', { 'shippingAddress.city': '   ' }, 'shippingAddress.city', 'must not be empty'],
    ['bad promo code', { promoCode: 'NO WAY!' }, 'promoCode', 'must be 3 to 32 letters and digits'],
    ['customer not an object', { customer: 'ada' }, 'customer', 'must be an object'],
  ])('rejects %s, naming the field', (_name, changes, field, message) => {
    expect(issuesOf(body(changes))).toEqual([{ field, message }]);
  });

  it(`rejects more than ${MAX_ORDER_LINES} lines`, () => {
    const items = Array.from({ length: MAX_ORDER_LINES + 1 }, (_, i) => ({
      sku: `SKU-LINE-${i}`,
      quantity: 1,
    }));
    expect(issuesOf(body({ items }))).toEqual([
      { field: 'items', message: `must have at most ${MAX_ORDER_LINES} items` },
    ]);
    expect(parseCreateOrderRequest(body({ items: items.slice(1) })).ok).toBe(true);
  });

  it('names every wrong field at once, so one round trip fixes them all', () => {
    const issues = issuesOf(
      body({
        'customer.email': REMOVE,
        'items.0.quantity': -1,
        'items.1.sku': 'SKU-TEE-BLK-M',
        'shippingAddress.country': 'XX',
        gift: true,
      }),
    );
    expect(issues.map((i) => i.field)).toEqual([
      'customer.email',
      'items[0].quantity',
      'shippingAddress.country',
      'gift',
      'items[1].sku',
    ]);
  });

  it('reports a body that is not a JSON object on the empty field', () => {
    expect(issuesOf([1, 2])).toEqual([{ field: '', message: 'must be a JSON object' }]);
    expect(issuesOf(undefined)).toEqual([{ field: '', message: 'is required' }]);
  });

  it('exports JSON Schema that rejects unknown fields, nested objects included', () => {
    const { $defs: defs } = z.toJSONSchema(createOrderRequestSchema, { io: 'input' });
    for (const name of [
      'CreateOrderRequest',
      'CustomerInput',
      'ShippingAddressInput',
      'CreateOrderLine',
    ]) {
      expect(defs?.[name]?.additionalProperties, name).toBe(false);
    }
    expect(defs?.CreateOrderRequest?.properties?.items).toMatchObject({
      minItems: 1,
      maxItems: MAX_ORDER_LINES,
    });
  });
});
