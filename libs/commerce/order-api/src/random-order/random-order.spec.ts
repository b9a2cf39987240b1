import { describe, expect, it } from 'vitest';
import { validateOrderRequest } from '../orders/order-request';
import { randomOrderRequest } from './random-order';

/** A seeded generator (mulberry32), so a failure can be reproduced. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('randomOrderRequest', () => {
  it('always produces an order the API accepts: 1–4 lines, sometimes an applicable promo', () => {
    const random = seeded(42);
    const orders = Array.from({ length: 300 }, () => randomOrderRequest(random));
    for (const order of orders) {
      const result = validateOrderRequest(order);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(4);
    }
    const withPromo = orders.filter((o) => o.promoCode !== undefined).length;
    expect(withPromo).toBeGreaterThan(50);
    expect(withPromo).toBeLessThan(200);
    expect(new Set(orders.map((o) => o.customer.id)).size).toBeGreaterThan(3);
  });
});
