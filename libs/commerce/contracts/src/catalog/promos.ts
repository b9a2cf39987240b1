/**
 * Promo codes and the order money math. Everything is integer cents and pure, so the order
 * API, the promo counter and a test compute the same numbers.
 *
 * Rounding: a percentage discount is rounded **half away from zero** to the cent (the
 * commercial rounding a customer checks with a calculator: 10 % of 0.05 EUR is 0.01 EUR).
 * Amounts are never negative, so this is "half up". The discount never exceeds the subtotal.
 */
import { ContractError } from '../errors/contract-error';
import { CATALOG_CURRENCY } from './catalog';

/** How a promo code reduces the subtotal. */
export type PromoRule =
  | {
      kind: 'percent';
      /** Whole percent off the subtotal, 1 to 100. */
      percent: number;
      /** Orders below this subtotal do not qualify. @default 0 */
      minSubtotalCents?: number;
      /** Upper bound of the discount. @default no cap */
      maxDiscountCents?: number;
    }
  | {
      kind: 'fixed';
      /** Cents off the subtotal. */
      amountCents: number;
      minSubtotalCents?: number;
    };

export interface Promo {
  /** Canonical upper-case code, as stored on the order. */
  code: string;
  /** One line for people: the rule in words. */
  description: string;
  rule: PromoRule;
}

/** The promo codes the shop accepts, matched case-insensitively. */
export const PROMOS: readonly Promo[] = Object.freeze([
  {
    code: 'WELCOME10',
    description: '10 % off, no minimum.',
    rule: { kind: 'percent', percent: 10 },
  },
  {
    code: 'FRIENDS15',
    description: '15 % off, at most 30.00 EUR off.',
    rule: { kind: 'percent', percent: 15, maxDiscountCents: 3000 },
  },
  {
    code: 'SUMMER25',
    description: '25 % off subtotals of 80.00 EUR or more, at most 50.00 EUR off.',
    rule: { kind: 'percent', percent: 25, minSubtotalCents: 8000, maxDiscountCents: 5000 },
  },
  {
    code: 'TENOFF',
    description: '10.00 EUR off subtotals of 50.00 EUR or more.',
    rule: { kind: 'fixed', amountCents: 1000, minSubtotalCents: 5000 },
  },
  {
    code: 'BIGBASKET',
    description: '25.00 EUR off subtotals of 200.00 EUR or more.',
    rule: { kind: 'fixed', amountCents: 2500, minSubtotalCents: 20000 },
  },
]);

const BY_CODE: ReadonlyMap<string, Promo> = new Map(PROMOS.map((p) => [p.code, p]));

/**
 * The promo for `code` (any case, surrounding spaces ignored), or `undefined`.
 *
 * @example
 * findPromo(' welcome10 ')?.code; // 'WELCOME10'
 */
export function findPromo(code: string): Promo | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/**
 * `percent` % of `cents`, rounded half away from zero to the cent. Exact for every safe
 * integer (BigInt inside: `cents * percent` can pass 2^53).
 *
 * @example
 * percentOf(1995, 10); // 200 (199.5 rounds up)
 * percentOf(1994, 10); // 199 (199.4 rounds down)
 */
export function percentOf(cents: number, percent: number): number {
  assertCents(cents, 'cents');
  const twice = BigInt(cents) * BigInt(percent) * 2n;
  return Number((twice + 100n) / 200n);
}

/**
 * The discount `rule` gives on `subtotalCents`, or why it does not apply. Never more than the
 * subtotal.
 */
export function applyPromoRule(
  subtotalCents: number,
  rule: PromoRule,
): { applies: true; discountCents: number } | { applies: false; minSubtotalCents: number } {
  assertCents(subtotalCents, 'subtotalCents');
  const minSubtotalCents = rule.minSubtotalCents ?? 0;
  if (subtotalCents < minSubtotalCents) return { applies: false, minSubtotalCents };
  const raw =
    rule.kind === 'percent'
      ? Math.min(percentOf(subtotalCents, rule.percent), rule.maxDiscountCents ?? Infinity)
      : rule.amountCents;
  return { applies: true, discountCents: Math.min(raw, subtotalCents) };
}

/**
 * The discount in cents that promo `code` gives on `subtotalCents`.
 *
 * @throws ContractError `COMMERCE_ERR_UNKNOWN_PROMO` for a code the shop does not know, and
 * `COMMERCE_ERR_PROMO_NOT_APPLICABLE` when the subtotal is below the code's minimum; both with
 * one issue on the field `promoCode`, ready for a 400.
 * @example
 * applyPromo(4990, 'WELCOME10'); // 499
 * applyPromo(4000, 'TENOFF'); // throws: promoCode: TENOFF needs a subtotal of at least 50.00 EUR
 */
export function applyPromo(subtotalCents: number, code: string): number {
  const promo = findPromo(code);
  if (promo === undefined) {
    throw new ContractError('COMMERCE_ERR_UNKNOWN_PROMO', [
      { field: 'promoCode', message: `unknown promo code "${code}"` },
    ]);
  }
  const result = applyPromoRule(subtotalCents, promo.rule);
  if (!result.applies) {
    const min = formatCents(result.minSubtotalCents);
    throw new ContractError('COMMERCE_ERR_PROMO_NOT_APPLICABLE', [
      { field: 'promoCode', message: `${promo.code} needs a subtotal of at least ${min}` },
    ]);
  }
  return result.discountCents;
}

/** The three numbers of an order's `totals`: `totalCents = subtotalCents - discountCents`. */
export interface Totals {
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
}

/**
 * Sums the lines and applies the promo code, if any.
 *
 * @throws ContractError for an unknown or inapplicable promo code (see {@link applyPromo}).
 * @example
 * computeTotals([{ quantity: 2, unitPriceCents: 2400 }], 'WELCOME10');
 * // { subtotalCents: 4800, discountCents: 480, totalCents: 4320 }
 */
export function computeTotals(
  items: readonly { quantity: number; unitPriceCents: number }[],
  promoCode?: string,
): Totals {
  let subtotalCents = 0;
  for (const item of items) subtotalCents += item.quantity * item.unitPriceCents;
  assertCents(subtotalCents, 'subtotalCents');
  const discountCents = promoCode === undefined ? 0 : applyPromo(subtotalCents, promoCode);
  return { subtotalCents, discountCents, totalCents: subtotalCents - discountCents };
}

/** `12.50 EUR`: cents for people, in messages. */
function formatCents(cents: number): string {
  const units = Math.floor(cents / 100);
  return `${units}.${String(cents % 100).padStart(2, '0')} ${CATALOG_CURRENCY}`;
}

/** Money math on a float or a negative amount is a programming error, not a contract issue. */
function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer of cents, got ${value}`);
  }
}
