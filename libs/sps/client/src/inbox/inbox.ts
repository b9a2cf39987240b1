/**
 * The inbox: delivery is at least once, so an effect that must happen once is made idempotent
 * by the event's id. The id is recorded in the SAME transaction as the effect: a redelivery
 * finds it and skips the effect; a failed effect rolls the record back, so the redelivery runs
 * the effect again. Two concurrent deliveries of one event run the effect once.
 */
import { type SpsMessage, headerValue } from '../runtime/sps-message';

/** What `handleOnce` did. */
export type InboxOutcome<T> = { status: 'handled'; result: T } | { status: 'duplicate' };

/** A store of handled event ids. `Tx` is what the effect runs in (a database transaction). */
export interface Inbox<Tx> {
  /**
   * Runs `effect` unless `eventId` was handled before, recording the id atomically with it.
   * Throws what the effect throws (and then nothing is recorded).
   *
   * @example
   * ```ts
   * await inbox.handleOnce(eventIdOf(message), (tx) => tx.order.create({ data: order }));
   * ```
   */
  handleOnce<T>(
    eventId: string,
    effect: (tx: Tx) => Promise<T> | T,
    details?: InboxDetails,
  ): Promise<InboxOutcome<T>>;
}

/** Extra columns to store in the inbox row (e.g. the record's stream, partition and index). */
export interface InboxDetails {
  columns?: Record<string, string | number | bigint | boolean | Date | null>;
}

/** The header that carries an event's id (DESIGN.md: order event headers). */
export const EVENT_ID_HEADER = 'event-id';

/**
 * The id to deduplicate a message by: its `event-id` header, else where it is stored
 * (`stream/partition/index`), which identifies a record but not a producer's retry of it.
 */
export function eventIdOf(message: SpsMessage): string {
  return (
    headerValue(message.headers, EVENT_ID_HEADER) ??
    `${message.stream}/${message.partition}/${String(message.index)}`
  );
}
