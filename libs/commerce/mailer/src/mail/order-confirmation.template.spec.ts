import { describe, expect, it } from 'vitest';
import { ORDER_PLACED_V1 } from '@shopstream/commerce-contracts';
import { formatMoney } from './money';
import { renderOrderConfirmation } from './order-confirmation.template';

const order = ORDER_PLACED_V1.example;

describe('order confirmation', () => {
  it('lists lines, totals with the promo code and the shipping address in the text part', () => {
    const { subject, text } = renderOrderConfirmation(order);
    expect(subject).toBe('Your shopstream order ord_01JQ7ZK3V9');
    expect(text).toContain('Hello Ada Lovelace,');
    expect(text).toContain('2 × Organic Cotton Tee, Black, M (SKU-TEE-BLK-M) at €24.00: €48.00');
    expect(text).toContain('1 × Enamel Camp Mug, White (SKU-MUG-ENML-WHT) at €14.00: €14.00');
    expect(text).toContain('Subtotal: €62.00\nDiscount (WELCOME10): −€6.20\nTotal: €55.80');
    expect(text).toContain(
      'Shipping to:\n  Ada Lovelace\n  Friedrichstraße 123\n  10117 Berlin\n  DE',
    );
  });

  it('escapes every value in the HTML part', () => {
    const { html } = renderOrderConfirmation({
      ...order,
      customer: { ...order.customer, name: '<script>alert(1)</script>' },
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td align="right">€55.80</td>');
  });

  it('leaves the discount line out without a promo code', () => {
    const { text } = renderOrderConfirmation({
      ...order,
      promoCode: undefined,
      totals: { subtotalCents: 6200, discountCents: 0, totalCents: 6200 },
    });
    expect(text).not.toContain('Discount');
    expect(text).toContain('Total: €62.00');
  });

  it('formats minor units by the currency', () => {
    expect(formatMoney(5580, 'EUR')).toBe('€55.80');
    expect(formatMoney(1234, 'JPY')).toBe('JP¥1,234'); // no minor units
  });
});
