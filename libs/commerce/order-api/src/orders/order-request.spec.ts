import { describe, expect, it } from 'vitest';
import { createOrderExample } from '@shopstream/commerce-contracts';
import { validateOrderRequest } from './order-request';

const order = (changes: Record<string, unknown> = {}) => ({ ...createOrderExample, ...changes });
const line = (sku: string, quantity = 1) => ({ sku, quantity });

function fieldsOf(body: unknown): string[] {
  const result = validateOrderRequest(body);
  if (result.ok) throw new Error('expected the order to be rejected');
  return result.issues.map((i) => `${i.field}: ${i.message}`);
}

describe('validateOrderRequest', () => {
  it('prices the lines from the catalog and applies the promo code in integer cents', () => {
    const result = validateOrderRequest(order());
    expect(result).toEqual({
      ok: true,
      value: {
        request: expect.objectContaining({ promoCode: 'WELCOME10' }),
        items: [
          {
            sku: 'SKU-TEE-BLK-M',
            name: 'Organic Cotton Tee, Black, M',
            quantity: 2,
            unitPriceCents: 2400,
          },
          {
            sku: 'SKU-MUG-ENML-WHT',
            name: 'Enamel Camp Mug, White',
            quantity: 1,
            unitPriceCents: 1400,
          },
        ],
        totals: { subtotalCents: 6200, discountCents: 620, totalCents: 5580 },
      },
    });
  });

  it('names every unknown SKU by its line', () => {
    expect(
      fieldsOf(order({ items: [line('SKU-NOPE'), line('SKU-TEE-BLK-M'), line('SKU-GONE')] })),
    ).toEqual(['items[0].sku: unknown SKU "SKU-NOPE"', 'items[2].sku: unknown SKU "SKU-GONE"']);
  });

  it('rejects a promo code that does not apply to the subtotal', () => {
    expect(fieldsOf(order({ promoCode: 'bigbasket' }))).toEqual([
      'promoCode: BIGBASKET needs a subtotal of at least 200.00 EUR',
    ]);
  });

  it('reports shape errors, unknown SKUs and an unknown promo code together', () => {
    const fields = fieldsOf(
      order({
        customer: { id: 'cus_1', name: 'Ada' },
        items: [line('SKU-TEE-BLK-M', 0), line('SKU-NOPE'), line('tee')],
        promoCode: 'nope99',
        gift: true,
      }),
    );
    expect(fields).toEqual([
      'customer.email: is required',
      'items[0].quantity: must be a positive integer',
      'items[2].sku: must be a SKU such as "SKU-TEE-BLK-M"',
      'gift: unknown field',
      'items[1].sku: unknown SKU "SKU-NOPE"',
      'promoCode: unknown promo code "NOPE99"',
    ]);
  });

  it('reports unknown SKUs and an unknown promo code of an otherwise valid order at once', () => {
    expect(fieldsOf(order({ items: [line('SKU-NOPE')], promoCode: 'NOPE99' }))).toEqual([
      'items[0].sku: unknown SKU "SKU-NOPE"',
      'promoCode: unknown promo code "NOPE99"',
    ]);
  });
});
