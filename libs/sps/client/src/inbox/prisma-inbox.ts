/**
 * The inbox on PostgreSQL through Prisma. Inside one interactive transaction:
 *
 *   INSERT INTO <table> (<event id column>, …) VALUES ($1, …) ON CONFLICT (<event id column>) DO NOTHING
 *
 * 1 row → new event: run the effect with the same transaction client, commit both together.
 * 0 rows → the id is there: a duplicate, skip the effect. A concurrent delivery of the same id
 * blocks on the first one's uncommitted row (PostgreSQL's unique index), and then sees either
 * its committed row (duplicate) or, if it rolled back, inserts and runs the effect itself.
 *
 * The table needs a unique constraint (primary key) on the event id column, e.g.
 *   CREATE TABLE inbox_events (event_id text PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now());
 * Structural Prisma types only: any generated client (`prisma-client` or `prisma-client-js`)
 * fits, and this library does not depend on Prisma.
 */
import { SpsError } from '@shopstream/sps-core';
import { type Inbox, type InboxDetails, type InboxOutcome } from './inbox';

/** What the inbox needs of a Prisma transaction client. */
export interface PrismaInboxTransaction {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

/** What the inbox needs of a Prisma client: interactive transactions. */
export interface PrismaInboxClient<Tx extends PrismaInboxTransaction> {
  $transaction<R>(
    fn: (tx: Tx) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): PromiseLike<R>;
}

export interface PrismaInboxOptions {
  /** The inbox table, optionally schema-qualified. @default 'inbox_events' */
  table?: string;
  /** Its column holding the event id (unique). @default 'event_id' */
  eventIdColumn?: string;
  /** How long the effect's transaction may take (Prisma's `timeout`). @default 15000 */
  timeoutMs?: number;
  /** How long to wait for a connection from the pool (Prisma's `maxWait`). @default 5000 */
  maxWaitMs?: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` or `schema.name`, each part checked and double-quoted (they go into SQL text). */
function quoteIdentifier(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `"${name}" is not a plain SQL identifier`, {
      context: { name },
    });
  }
  return parts.map((p) => `"${p}"`).join('.');
}

/**
 * @example
 * ```ts
 * const inbox = new PrismaInbox(prisma);
 * await consumer.start((message) =>
 *   inbox.handleOnce(eventIdOf(message), (tx) => tx.order.create({ data: toOrder(message) })),
 * );
 * ```
 */
export class PrismaInbox<Tx extends PrismaInboxTransaction> implements Inbox<Tx> {
  private readonly table: string;
  private readonly eventIdColumn: string;

  constructor(
    private readonly prisma: PrismaInboxClient<Tx>,
    private readonly options: PrismaInboxOptions = {},
  ) {
    this.table = quoteIdentifier(options.table ?? 'inbox_events');
    this.eventIdColumn = quoteIdentifier(options.eventIdColumn ?? 'event_id');
  }

  async handleOnce<T>(
    eventId: string,
    effect: (tx: Tx) => Promise<T> | T,
    details: InboxDetails = {},
  ): Promise<InboxOutcome<T>> {
    const extra = Object.entries(details.columns ?? {});
    const columns = [this.eventIdColumn, ...extra.map(([name]) => quoteIdentifier(name))];
    const sql =
      `INSERT INTO ${this.table} (${columns.join(', ')}) ` +
      `VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ` +
      `ON CONFLICT (${this.eventIdColumn}) DO NOTHING`;
    return await this.prisma.$transaction(
      async (tx): Promise<InboxOutcome<T>> => {
        const inserted = await tx.$executeRawUnsafe(sql, eventId, ...extra.map(([, v]) => v));
        if (inserted === 0) return { status: 'duplicate' };
        return { status: 'handled', result: await effect(tx) };
      },
      { timeout: this.options.timeoutMs ?? 15_000, maxWait: this.options.maxWaitMs ?? 5_000 },
    );
  }
}
