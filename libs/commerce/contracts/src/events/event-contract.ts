/**
 * An event contract ties together what a producer and its consumers must agree on: the
 * event type and schema version (the `event-type` and `event-version` headers), the stream it
 * is appended to, the payload schema, and which payload field is the record key (records with
 * one key stay in order on one partition).
 */
import type { z } from 'zod';
import { eventHeadersSchema } from './event-headers';

export interface EventContract<
  S extends z.ZodType = z.ZodType,
  T extends string = string,
  V extends string = string,
> {
  /** The name documents use: the AsyncAPI message, and `<name>Headers` for its headers schema. */
  name: string;
  /** The `event-type` header, e.g. `order.placed`. */
  type: T;
  /** The `event-version` header: the payload schema's major version, e.g. `1`. */
  version: V;
  /** The stream the event is appended to (see `STREAMS`). */
  stream: string;
  /** The payload (record value, JSON). */
  schema: S;
  /** The headers a producer must send. */
  headersSchema: ReturnType<typeof eventHeadersSchema<T, V>>;
  /** The payload field that is the record key, named for documents. */
  keyField: string;
  /** The record key of a payload. */
  key: (payload: z.output<S>) => string;
  /** A valid payload, for documents and tests. */
  example: z.output<S>;
}

/**
 * Declares an event contract; `headersSchema` is derived from `type` and `version`.
 *
 * @example
 * export const STOCK_LOW_V1 = defineEvent({
 *   name: 'StockLowV1', type: 'stock.low', version: '1', stream: STREAMS.stock, schema: stockLowV1Schema,
 *   keyField: 'sku', key: (e) => e.sku, example: { sku: 'SKU-LMP-DESK-LED', ... },
 * });
 */
export function defineEvent<S extends z.ZodType, const T extends string, const V extends string>(
  contract: Omit<EventContract<S, T, V>, 'headersSchema'>,
): EventContract<S, T, V> {
  return Object.freeze({
    ...contract,
    headersSchema: eventHeadersSchema(contract.type, contract.version).meta({
      id: `${contract.name}Headers`,
      description: `Headers of every ${contract.type} v${contract.version} record.`,
    }),
  });
}
