/**
 * Order ids and event ids. Without an `Idempotency-Key` an order gets a fresh, time-ordered id
 * (`ord_` + a ULID: 48-bit milliseconds and 80 random bits, Crockford base 32, so ids sort by
 * creation time). With one, both ids are derived from the key: no state is kept, so a retried
 * request gets the same ids after a restart of the API, on any instance.
 *
 * The key is scoped by the customer id: two customers who happen to send the same key place
 * two orders. The event id is a UUIDv5 of the same scope, so a retried request produces a
 * record with the same `event-id` too, and consumers that deduplicate on it (the inbox) treat
 * it as the redelivery it is.
 */
import { createHash, randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The UUIDv5 namespace of shopstream's idempotency keys (a random UUID chosen once; changing
 * it would give retried requests new ids).
 */
export const IDEMPOTENCY_NAMESPACE = '6f1c2f0e-8a5d-4b8e-9c3e-2d7a4e5b9f10';

/** The longest `Idempotency-Key` accepted, and the characters allowed (visible ASCII). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The ids of one order: the record key and the `event-id` header. */
export interface OrderIds {
  orderId: string;
  /** `undefined`: a new random event id (the contracts' default). */
  eventId?: string;
}

/** `bytes` (big-endian) as `length` Crockford base-32 digits. */
function base32(bytes: Uint8Array, length: number): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

/**
 * A new order id: `ord_` + ULID.
 *
 * @example
 * newOrderId(); // 'ord_01JQ7ZK3V9X8M2N4P6R8S0T2V4'
 */
export function newOrderId(now: number = Date.now(), random: Uint8Array = randomBytes(10)): string {
  const time = new Uint8Array(6);
  let ms = BigInt(now);
  for (let i = 5; i >= 0; i--) {
    time[i] = Number(ms & 0xffn);
    ms >>= 8n;
  }
  return `ord_${base32(time, 10)}${base32(random, 16)}`;
}

/**
 * RFC 9562 UUID version 5 (SHA-1, name-based) of `name` in `namespace`.
 *
 * @example
 * uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'); // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The ids of an order placed with `Idempotency-Key: key` by `customerId`: always the same.
 *
 * @example
 * idsForIdempotencyKey('cus_42', 'checkout-7f3a'); // { orderId: 'ord_…', eventId: '…-5…' }
 */
export function idsForIdempotencyKey(customerId: string, key: string): Required<OrderIds> {
  const scope = `${customerId}\n${key}`;
  const digest = createHash('sha256').update(`shopstream order id\n${scope}`, 'utf8').digest();
  return {
    orderId: `ord_${base32(digest.subarray(0, 17), 26)}`,
    eventId: uuidV5(scope, IDEMPOTENCY_NAMESPACE),
  };
}
