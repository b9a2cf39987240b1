/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). The same name always
 * gives the same UUID, which is what makes an event id deterministic: whoever computes the id
 * of "stock.low for order X and SKU Y" gets the same one, so a second emission is recognisable
 * as the same event by every consumer that deduplicates on `event-id`.
 */
import { createHash } from 'node:crypto';

/** The namespace of every event id the stock service derives (a fixed, random UUID). */
export const STOCK_EVENT_NAMESPACE = '0f3d3c5e-2b7a-4c1e-9a51-6f0d8c2b7e41';

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

/**
 * @example
 * uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'); // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function uuidV5(name: string, namespace: string = STOCK_EVENT_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
