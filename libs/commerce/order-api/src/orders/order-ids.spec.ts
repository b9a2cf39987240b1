import { describe, expect, it } from 'vitest';
import { orderIdSchema } from '@shopstream/commerce-contracts';
import { idsForIdempotencyKey, newOrderId, uuidV5 } from './order-ids';

describe('order ids', () => {
  it('are valid contract order ids that sort by creation time', () => {
    const earlier = newOrderId(Date.parse('2026-11-25T10:00:00Z'));
    const later = newOrderId(Date.parse('2026-11-25T10:00:00.001Z'));
    expect(orderIdSchema.parse(earlier)).toBe(earlier);
    expect(earlier).toMatch(/^ord_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(earlier < later).toBe(true);
    expect(newOrderId()).not.toBe(newOrderId());
  });

  it('computes RFC 9562 UUIDv5 (the RFC’s DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives the same ids from the same key and customer, different ones otherwise', () => {
    const first = idsForIdempotencyKey('cus_42', 'checkout-1');
    expect(idsForIdempotencyKey('cus_42', 'checkout-1')).toEqual(first);
    expect(orderIdSchema.parse(first.orderId)).toBe(first.orderId);
    expect(first.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(idsForIdempotencyKey('cus_43', 'checkout-1').orderId).not.toBe(first.orderId);
    expect(idsForIdempotencyKey('cus_42', 'checkout-2').eventId).not.toBe(first.eventId);
  });
});
