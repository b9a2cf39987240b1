/**
 * The outbox relay's side of the database. Records were written by a booking's transaction;
 * `publishPending` hands the oldest unpublished ones to `send` and marks them published, in
 * one transaction that holds their rows:
 *
 *   BEGIN
 *   SELECT ... FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT n
 *     FOR UPDATE SKIP LOCKED       -- another relay (a second instance) takes other rows
 *   send(records)                   -- the stream acknowledged them
 *   UPDATE outbox_events SET published_at = now() WHERE id = ANY(...)
 *   COMMIT
 *
 * `send` failing rolls back: the records stay pending for the next run. The remaining window
 * is a send the stream acknowledged whose COMMIT did not happen (crash, lost connection): the
 * next run sends those records again, with the same event ids. At least once, deduplicable.
 */
import { type PrismaClient } from './generated/prisma/client';
import { type OutboxRecord } from './stock.types';

export interface OutboxPublishOptions {
  /** Records per run. @default 100 */
  batchSize?: number;
  /** How long the transaction around `send` may stay open. @default 30000 */
  timeoutMs?: number;
}

interface OutboxRow {
  id: bigint;
  eventId: string;
  stream: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

export class OutboxRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Sends the oldest pending records (in the order they were written) and marks them published.
   *
   * @returns how many were published (0: nothing was pending, or another relay holds them)
   * @throws what `send` throws; the records stay pending then
   */
  async publishPending(
    send: (records: OutboxRecord[]) => Promise<void>,
    options: OutboxPublishOptions = {},
  ): Promise<number> {
    const limit = options.batchSize ?? 100;
    return await this.prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, event_id AS "eventId", stream, key, headers, value FROM outbox_events
          WHERE published_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await send(rows);
        await tx.outboxEvent.updateMany({
          where: { id: { in: rows.map((r) => r.id) } },
          data: { publishedAt: new Date() },
        });
        return rows.length;
      },
      { timeout: options.timeoutMs ?? 30_000, maxWait: 5_000 },
    );
  }

  /** How many records wait to be published. */
  pendingCount(): Promise<number> {
    return this.prisma.outboxEvent.count({ where: { publishedAt: null } });
  }
}
