/**
 * Tracking numbers: `SS` + 16 digits + a Luhn check digit (19 characters), derived from the
 * order id alone, so every delivery of an order — a redelivery, a replay, a second service
 * instance — computes the same number without asking anyone.
 *
 * The 16 digits are the first 64 bits of SHA-256(order id) modulo 10^16. Two orders collide
 * with probability about n² / (2 × 10^16): about 1 in 20,000 after a million orders. A
 * collision is not silently shared: the database's unique index refuses it and the order is
 * dead-lettered (TrackingNumberTakenError).
 */
import { createHash } from 'node:crypto';

/** The carrier's prefix of every tracking number. */
export const TRACKING_PREFIX = 'SS';

const DIGITS = 16;
const MODULUS = 10n ** BigInt(DIGITS);

/** The Luhn (mod 10) check digit of a digit string, as used by parcel and card numbers. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit from the right, starting with the rightmost.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The tracking number of an order.
 *
 * @example
 * trackingNumberFor('ord_01JQ7ZK3V9'); // 'SS' + 17 digits, the same on every call
 */
export function trackingNumberFor(orderId: string): string {
  const hash = createHash('sha256').update(orderId, 'utf8').digest();
  const digits = (hash.readBigUInt64BE(0) % MODULUS).toString().padStart(DIGITS, '0');
  return `${TRACKING_PREFIX}${digits}${luhnCheckDigit(digits)}`;
}

/** Whether `value` is a well-formed tracking number with a correct check digit. */
export function isTrackingNumber(value: string): boolean {
  const match = /^SS(\d{16})(\d)$/.exec(value);
  return match !== null && luhnCheckDigit(match[1]!) === Number(match[2]);
}
