/**
 * The promo counter's whole state, in memory: per promo code the orders, their revenue
 * (totalCents) and discounts, the same for orders without a code, the set of order ids counted,
 * and per partition of `orders` the next index to read.
 *
 * Invariants (the tests hold it to them):
 * - **an order id is counted at most once**, however often its record is read: a redelivery,
 *   a producer duplicate, the order re-published under a new event id, a replay from an older
 *   snapshot or from the start of the stream. The first version read is the one counted;
 * - **`positions` and the counts move together**: every record before a partition's position
 *   has been applied (counted, recognised as counted before, or skipped), none after it. Both
 *   change in one synchronous call, so a snapshot taken between two calls is consistent;
 * - counts do not depend on arrival order: sums commute, `lastOrderAt` is the max of placedAt.
 *
 * One owner: only the reader's handler calls {@link count} and {@link skip}, and JavaScript
 * runs each call to completion, so no two updates interleave.
 */
import { PROMOS, type OrderPlacedV1 } from '@shopstream/commerce-contracts';
import {
  type PromoBoard,
  type LivePromoCount,
  type TallyChange,
  type TallyState,
  type WithoutCodeCount,
} from './promo-count.types';

/** Where a record stands: its partition of `orders` and its index there. */
export interface RecordPosition {
  partition: number;
  /** Opaque to the SPS client; an integer on the engine and on Kafka (an offset). */
  index: number | string;
}

interface Totals {
  orders: number;
  totalCents: number;
  discountCents: number;
  /** Epoch ms of the latest placedAt, 0 when none. */
  lastOrderAt: number;
}

const zero = (): Totals => ({ orders: 0, totalCents: 0, discountCents: 0, lastOrderAt: 0 });

/**
 * The index after `index`: Kafka's "commit offset + 1" rule, which the engine shares (and the
 * sps-client README's reader example uses). Indexes are opaque to the client because a Kinesis
 * driver would hand out sequence numbers; this service runs on the engine and Kafka only.
 */
export function indexAfter(index: number | string): number {
  const n = typeof index === 'number' ? index : Number(index);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(
      `index ${String(index)} is not an offset: the promo counter needs Kafka-style indexes`,
    );
  }
  return n + 1;
}

export class PromoTally {
  private readonly byCode = new Map<string, Totals>(PROMOS.map((p) => [p.code, zero()]));
  private noCode = zero();
  private readonly seen = new Set<string>();
  private readonly next = new Map<number, number>();
  private skipped = 0;
  private applied = 0;

  /** A tally as a snapshot left it; `undefined` = empty (read `orders` from the start). */
  constructor(state?: TallyState) {
    if (state === undefined) return;
    for (const p of state.promos) this.byCode.set(p.code, fromView(p));
    this.noCode = fromView(state.withoutCode);
    for (const id of state.orderIds) this.seen.add(id);
    for (const [p, i] of Object.entries(state.positions)) this.next.set(Number(p), i);
    this.skipped = state.skippedRecords;
  }

  /**
   * Counts `order` unless its id was counted before, and moves the partition's position past
   * the record either way. Returns what changed, `undefined` for an order counted before.
   */
  count(order: OrderPlacedV1, at: RecordPosition): TallyChange | undefined {
    const after = indexAfter(at.index);
    this.advance(at.partition, after);
    if (this.seen.has(order.orderId)) return undefined;
    this.seen.add(order.orderId);
    const code = order.promoCode;
    const totals = code === undefined ? this.noCode : (this.byCode.get(code) ?? zero());
    totals.orders += 1;
    totals.totalCents += order.totals.totalCents;
    totals.discountCents += order.totals.discountCents;
    totals.lastOrderAt = Math.max(totals.lastOrderAt, Date.parse(order.placedAt));
    if (code === undefined) return { kind: 'without-code', count: toView(totals) };
    this.byCode.set(code, totals);
    return { kind: 'promo', count: { code, ...toView(totals) } };
  }

  /** Moves past a record that is not counted (another event type, a broken record). */
  skip(at: RecordPosition): void {
    this.advance(at.partition, indexAfter(at.index));
    this.skipped += 1;
  }

  /** One code's counts: a code of the shop or one seen on an order, else `undefined`. */
  promo(code: string): LivePromoCount | undefined {
    const totals = this.byCode.get(code);
    return totals && { code, ...toView(totals) };
  }

  /** Every code (the shop's first, in PROMOS order, then others seen, by name) and the rest. */
  board(): PromoBoard {
    const known = new Set(PROMOS.map((p) => p.code));
    const others = [...this.byCode.keys()].filter((c) => !known.has(c)).sort();
    return {
      promos: [...PROMOS.map((p) => p.code), ...others].map((code) => this.promo(code)!),
      withoutCode: this.withoutCode(),
      ordersCounted: this.seen.size,
    };
  }

  withoutCode(): WithoutCodeCount {
    return toView(this.noCode);
  }

  /** Distinct orders counted. */
  get ordersCounted(): number {
    return this.seen.size;
  }

  /** Records read and not counted (other event types, broken records), snapshot included. */
  get skippedRecords(): number {
    return this.skipped;
  }

  /** Records applied since this tally was created (counted, seen before, or skipped). */
  get recordsApplied(): number {
    return this.applied;
  }

  /** Per partition the next index to read; partitions never read are absent. */
  positions(): Record<number, number> {
    return Object.fromEntries(this.next);
  }

  /** Everything a snapshot needs, copied now: consistent, since no update runs meanwhile. */
  state(): TallyState {
    return {
      positions: this.positions(),
      promos: [...this.byCode.keys()].map((code) => this.promo(code)!),
      withoutCode: this.withoutCode(),
      orderIds: [...this.seen],
      skippedRecords: this.skipped,
    };
  }

  private advance(partition: number, after: number): void {
    // Reading is in order per partition, so `after` only grows; max() keeps that true even if
    // a record were handed over twice.
    this.next.set(partition, Math.max(this.next.get(partition) ?? 0, after));
    this.applied += 1;
  }
}

function toView(t: Totals): WithoutCodeCount {
  const view: WithoutCodeCount = {
    orders: t.orders,
    totalCents: t.totalCents,
    discountCents: t.discountCents,
  };
  if (t.lastOrderAt > 0) view.lastOrderAt = new Date(t.lastOrderAt).toISOString();
  return view;
}

function fromView(v: WithoutCodeCount): Totals {
  return {
    orders: v.orders,
    totalCents: v.totalCents,
    discountCents: v.discountCents,
    lastOrderAt: v.lastOrderAt === undefined ? 0 : Date.parse(v.lastOrderAt),
  };
}
