/**
 * What the promo counter answers and pushes. The contracts' `PromoCount` and `PromoCounts`
 * plus additive fields (read models may grow, see libs/commerce/contracts): `totalCents` (the
 * revenue of the orders with the code), `withoutCode` (orders placed without a code) and
 * `ordersCounted` (distinct orders in all).
 */
import { type PromoCount, type PromoCounts } from '@shopstream/commerce-contracts';

/** One code's live counts: `GET /promos/:code` and a `promo` event on `GET /promos/stream`. */
export type LivePromoCount = PromoCount & {
  /** Sum of the orders' totalCents (what customers paid, after the discount). */
  totalCents: number;
};

/** The same counts for orders placed without a code. */
export type WithoutCodeCount = Omit<LivePromoCount, 'code'>;

/** `GET /promos`, and the `snapshot` event that opens `GET /promos/stream`. */
export type PromoBoard = PromoCounts & {
  promos: LivePromoCount[];
  withoutCode: WithoutCodeCount;
  /** Distinct orders counted (with and without a code). */
  ordersCounted: number;
};

/** What one counted order changed: its code's new counts, or those without a code. */
export type TallyChange =
  { kind: 'promo'; count: LivePromoCount } | { kind: 'without-code'; count: WithoutCodeCount };

/** The tally as a snapshot holds it (see snapshot/promo-snapshot.ts for the file). */
export interface TallyState {
  /** Per partition of `orders`, the next index to read. */
  positions: Record<number, number>;
  promos: LivePromoCount[];
  withoutCode: WithoutCodeCount;
  /** Every order id counted: what makes a replay count nothing twice. */
  orderIds: string[];
  /** Records read but not counted (other event types, broken records). */
  skippedRecords: number;
}
