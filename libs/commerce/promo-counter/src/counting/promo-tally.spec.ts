import { describe, expect, it } from 'vitest';
import { ORDER_PLACED_V1, PROMOS, type OrderPlacedV1 } from '@shopstream/commerce-contracts';
import { PromoTally, indexAfter } from './promo-tally';

let n = 0;
function order(
  promoCode: string | undefined,
  totalCents: number,
  placedAt = '2026-11-25T10:00:00.000Z',
): OrderPlacedV1 {
  const { promoCode: _drop, ...base } = ORDER_PLACED_V1.example;
  n++;
  return {
    ...base,
    orderId: `ord_U${n}`,
    placedAt,
    ...(promoCode === undefined ? {} : { promoCode }),
    totals: { subtotalCents: totalCents + 100, discountCents: 100, totalCents },
  };
}

describe('PromoTally', () => {
  it('counts orders, revenue and discounts per code, and orders without a code apart', () => {
    const tally = new PromoTally();
    tally.count(order('WELCOME10', 900), { partition: 0, index: 0 });
    tally.count(order('WELCOME10', 1900, '2026-11-25T12:00:00.000Z'), { partition: 1, index: 0 });
    tally.count(order(undefined, 5000), { partition: 0, index: 1 });

    expect(tally.promo('WELCOME10')).toEqual({
      code: 'WELCOME10',
      orders: 2,
      totalCents: 2800,
      discountCents: 200,
      lastOrderAt: '2026-11-25T12:00:00.000Z',
    });
    expect(tally.withoutCode()).toEqual({
      orders: 1,
      totalCents: 5000,
      discountCents: 100,
      lastOrderAt: '2026-11-25T10:00:00.000Z',
    });
    expect(tally.ordersCounted).toBe(3);
    expect(tally.positions()).toEqual({ 0: 2, 1: 1 });
  });

  it('lists every code of the shop, unused ones at zero, then other codes seen', () => {
    const tally = new PromoTally();
    tally.count(order('RETIRED5', 100), { partition: 0, index: 0 });
    const board = tally.board();
    expect(board.promos.map((p) => p.code)).toEqual([...PROMOS.map((p) => p.code), 'RETIRED5']);
    expect(board.promos[0]).toEqual({
      code: 'WELCOME10',
      orders: 0,
      totalCents: 0,
      discountCents: 0,
    });
    expect(tally.promo('NOPE')).toBeUndefined();
  });

  it('counts an order id once however often it is read, and still moves the position', () => {
    const tally = new PromoTally();
    const o = order('TENOFF', 4000);
    expect(tally.count(o, { partition: 2, index: 7 })).toMatchObject({ kind: 'promo' });
    expect(tally.count(o, { partition: 2, index: 8 })).toBeUndefined(); // a duplicate record
    expect(
      tally.count(
        { ...o, totals: { subtotalCents: 1, discountCents: 0, totalCents: 1 } },
        { partition: 0, index: 0 },
      ),
    ).toBeUndefined();
    expect(tally.promo('TENOFF')).toMatchObject({ orders: 1, totalCents: 4000 });
    expect(tally.positions()).toEqual({ 0: 1, 2: 9 });
  });

  it('keeps lastOrderAt at the latest placedAt whatever the arrival order', () => {
    const tally = new PromoTally();
    tally.count(order('SUMMER25', 1, '2026-06-02T00:00:00Z'), { partition: 0, index: 0 });
    tally.count(order('SUMMER25', 1, '2026-06-01T00:00:00.5Z'), { partition: 1, index: 0 });
    expect(tally.promo('SUMMER25')?.lastOrderAt).toBe('2026-06-02T00:00:00.000Z');
  });

  it('skips records it does not count, moving the position', () => {
    const tally = new PromoTally();
    tally.skip({ partition: 1, index: '41' });
    expect(tally.positions()).toEqual({ 1: 42 });
    expect(tally.skippedRecords).toBe(1);
    expect(tally.ordersCounted).toBe(0);
  });

  it('comes back from its state with the same counts, positions and counted ids', () => {
    const tally = new PromoTally();
    const counted = order('FRIENDS15', 3000);
    tally.count(counted, { partition: 0, index: 0 });
    tally.count(order(undefined, 10), { partition: 1, index: 5 });
    tally.skip({ partition: 2, index: 0 });

    const again = new PromoTally(structuredClone(tally.state()));
    expect(again.board()).toEqual(tally.board());
    expect(again.positions()).toEqual({ 0: 1, 1: 6, 2: 1 });
    expect(again.skippedRecords).toBe(1);
    expect(again.recordsApplied).toBe(0);
    expect(again.count(counted, { partition: 0, index: 0 })).toBeUndefined(); // a replay
    expect(again.promo('FRIENDS15')?.orders).toBe(1);
  });
});

describe('indexAfter', () => {
  it('is the next offset, for numbers and numeric strings', () => {
    expect(indexAfter(0)).toBe(1);
    expect(indexAfter('41')).toBe(42);
  });

  it('refuses what is not an offset', () => {
    expect(() => indexAfter('49590338271490256608559692538361571095921575989136588898')).toThrow(
      RangeError,
    );
    expect(() => indexAfter(-1)).toThrow(RangeError);
  });
});
