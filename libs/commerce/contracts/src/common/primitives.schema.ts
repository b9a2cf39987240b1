/**
 * The small schemas every contract is built from: money, codes, ids, timestamps. Each carries
 * a message a shop client can act on ("must be a non-negative integer (cents)") and an `id`,
 * so the generated JSON Schema names it once under `components/schemas` and refers to it.
 */
import { z } from 'zod';
import { COUNTRY_CODES, CURRENCY_CODES } from './iso-codes';

/**
 * A type-level error message: "is required" when the field is missing, else `must be <what>`.
 * Schema-level messages take precedence over the per-parse map, so each schema says both.
 */
export function mustBe(what: string): z.core.$ZodErrorMap {
  return (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`);
}

/** Trimmed text of 1 to `max` characters (names, address lines). */
export function text(max: number) {
  const what = `a non-empty string of at most ${max} characters`;
  return z
    .string({ error: mustBe(what) })
    .trim()
    .min(1, { error: `must not be empty` })
    .max(max, { error: `must be at most ${max} characters` });
}

/**
 * An amount of money in integer minor units (cents), never negative. Money is never a float:
 * 0.1 + 0.2 is not 0.3, and every service must compute the same totals.
 */
export const centsSchema = z
  .number({ error: mustBe('a non-negative integer (cents)') })
  .int({ error: 'must be a non-negative integer (cents)' })
  .nonnegative({ error: 'must be a non-negative integer (cents)' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
  .meta({ id: 'Cents', description: 'Money in integer minor units (cents), e.g. 1999 = 19.99.' });

/** ISO 4217 currency code, upper case. */
export const currencyCodeSchema = z
  .enum(CURRENCY_CODES as [string, ...string[]], {
    error: mustBe(`an ISO 4217 currency code such as "EUR"`),
  })
  .meta({ id: 'CurrencyCode', description: 'ISO 4217 currency code, upper case.' });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCodeSchema = z
  .enum(COUNTRY_CODES as [string, ...string[]], {
    error: mustBe(`an ISO 3166-1 alpha-2 country code such as "DE"`),
  })
  .meta({ id: 'CountryCode', description: 'ISO 3166-1 alpha-2 country code, upper case.' });

/** A point in time, ISO 8601 in UTC (`Z`), so string order is time order. */
export const utcTimestampSchema = z.iso
  .datetime({ error: mustBe('an ISO 8601 UTC timestamp such as "2025-03-01T12:00:00Z"') })
  .meta({
    id: 'UtcTimestamp',
    description: 'ISO 8601 date-time in UTC with a `Z` suffix, e.g. 2025-03-01T12:00:00.000Z.',
  });

/** A catalog SKU: `SKU-` then upper-case words joined by `-` (`SKU-TEE-BLK-M`). */
export const skuSchema = z
  .string({ error: mustBe('a SKU such as "SKU-TEE-BLK-M"') })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^SKU-[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { error: 'must be a SKU such as "SKU-TEE-BLK-M"' })
  .meta({ id: 'Sku', description: 'Catalog SKU, e.g. SKU-TEE-BLK-M.' });

/** An order id as the order API assigns it: `ord_` then letters and digits. It is the record key. */
export const orderIdSchema = z
  .string({ error: mustBe('an order id such as "ord_01JQ7ZK3"') })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^ord_[A-Za-z0-9]+$/, { error: 'must be an order id such as "ord_01JQ7ZK3"' })
  .meta({ id: 'OrderId', description: 'Order id, `ord_` + letters and digits; the record key.' });

/** A customer id chosen by the shop front (`cus_42`): letters, digits, `_` and `-`. */
export const customerIdSchema = z
  .string({ error: mustBe('a customer id such as "cus_42"') })
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'may hold only letters, digits, "_" and "-"' })
  .meta({ id: 'CustomerId', description: 'Customer id, e.g. cus_42.' });

/** An email address (zod's pragmatic pattern, not full RFC 5322), at most 254 characters. */
export const emailSchema = z
  .email({ error: mustBe('an email address') })
  .max(254, { error: 'must be at most 254 characters' })
  .meta({ id: 'Email', description: 'Email address.' });

/** A promo code as stored on an order: its canonical upper-case spelling. */
export const promoCodeSchema = z
  .string({ error: mustBe('a promo code such as "WELCOME10"') })
  .regex(/^[A-Z0-9]{3,32}$/, { error: 'must be 3 to 32 upper-case letters and digits' })
  .meta({ id: 'PromoCode', description: 'Promo code, canonical upper case, e.g. WELCOME10.' });
