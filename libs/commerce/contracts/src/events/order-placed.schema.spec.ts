import { describe, expect, it } from 'vitest';
import { edit } from '../__tests__/edit';
import { checkContract } from '../errors/field-issues';
import { ORDER_PLACED_V1, orderPlacedV1Schema } from './order-placed.schema';

/** The example event with some fields changed. */
const event = (changes: Record<string, unknown> = {}) => edit(ORDER_PLACED_V1.example, changes);

function issuesOf(input: unknown) {
  const result = checkContract(orderPlacedV1Schema, input);
  if (result.ok) throw new Error('expected the event to be rejected');
  return result.issues;
}

const CENTS = 'must be a non-negative integer (cents)';

describe('order.placed v1', () => {
  it('accepts the example', () => {
    expect(checkContract(orderPlacedV1Schema, event())).toEqual({
      ok: true,
      value: ORDER_PLACED_V1.example,
    });
  });

  it('drops unknown fields instead of rejecting them (a newer producer may add some)', () => {
    const result = checkContract(
      orderPlacedV1Schema,
      event({ channel: 'web', 'customer.tier': 'gold' }),
    );
    expect(result).toEqual({ ok: true, value: ORDER_PLACED_V1.example });
  });

  it.each<[string, Record<string, unknown>, string, unknown]>([
    ['non-integer cents', { 'items.0.unitPriceCents': 24.5 }, 'items[0].unitPriceCents', CENTS],
    [
      'cents as a decimal string',
      { 'totals.discountCents': '6.20' },
      'totals.discountCents',
      CENTS,
    ],
    ['negative cents', { 'items.1.unitPriceCents': -1 }, 'items[1].unitPriceCents', CENTS],
    [
      'a local time instead of UTC',
      { placedAt: '2025-03-01T13:00:00+01:00' },
      'placedAt',
      expect.stringContaining('UTC'),
    ],
    ['a date without time', { placedAt: '2025-03-01' }, 'placedAt', expect.stringContaining('UTC')],
    [
      'a lower-case currency',
      { currency: 'eur' },
      'currency',
      'must be an ISO 4217 currency code such as "EUR"',
    ],
    ['an invented currency', { currency: 'EUX' }, 'currency', expect.stringContaining('ISO 4217')],
    ['a bad order id', { orderId: '42' }, 'orderId', expect.stringContaining('order id')],
    ['no items', { items: [] }, 'items', 'must have at least 1 item'],
    [
      'a lower-case promo code',
      { promoCode: 'welcome10' },
      'promoCode',
      expect.stringContaining('upper-case'),
    ],
    [
      'a subtotal that is not the sum of the lines',
      { totals: { subtotalCents: 6300, discountCents: 620, totalCents: 5680 } },
      'totals.subtotalCents',
      'must equal the sum of quantity × unitPriceCents over items (6200)',
    ],
    [
      'a total that is not subtotal − discount',
      { 'totals.totalCents': 6200 },
      'totals.totalCents',
      'must equal subtotalCents − discountCents (5580)',
    ],
  ])('rejects %s, naming the field', (_name, changes, field, message) => {
    expect(issuesOf(event(changes))).toEqual([{ field, message }]);
  });

  it('knows its stream and key', () => {
    expect(ORDER_PLACED_V1).toMatchObject({ type: 'order.placed', version: '1', stream: 'orders' });
    expect(ORDER_PLACED_V1.key(ORDER_PLACED_V1.example)).toBe(ORDER_PLACED_V1.example.orderId);
  });
});
