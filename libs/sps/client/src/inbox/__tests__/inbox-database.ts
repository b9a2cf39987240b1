/**
 * The PrismaInbox test database: a throw-away PostgreSQL (startTestPostgres), the checked-in
 * migration applied, and a Prisma client generated from prisma/schema.prisma (the
 * `prisma-generate` target) over @prisma/adapter-pg. The migration SQL is run with `pg` instead
 * of `prisma migrate deploy`, whose Wasm engine lingers ~10 s after every run; the SQL is what
 * `prisma migrate diff` wrote for the schema.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { startTestPostgres, type TestPostgres } from '@shopstream/local-infra/testing';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { PrismaClient } from './generated/prisma/client';

const MIGRATION = join(__dirname, 'prisma/migrations/20261125190000_init/migration.sql');

/** The transaction client an effect gets from `PrismaInbox` on this database. */
export type InboxTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface InboxDatabase {
  prisma: PrismaClient;
  /** Rows of a table, counted with plain SQL (not through the code under test). */
  count(
    table: 'inbox_events' | 'payments',
    where?: { orderId?: string; eventId?: string },
  ): Promise<number>;
  stop(): Promise<void>;
}

export async function startInboxDatabase(): Promise<InboxDatabase> {
  const server: TestPostgres = await startTestPostgres();
  try {
    const { url } = await server.ensureDatabase('inbox_test');
    const sql = new Client({ connectionString: url });
    await sql.connect();
    await sql.query(await readFile(MIGRATION, 'utf8'));
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return {
      prisma,
      async count(table, where = {}) {
        const column = table === 'payments' ? 'order_id' : 'event_id';
        const value = where.orderId ?? where.eventId;
        const result = await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${table}${value === undefined ? '' : ` WHERE ${column} = $1`}`,
          value === undefined ? [] : [value],
        );
        return Number(result.rows[0]!.n);
      },
      async stop() {
        await prisma.$disconnect();
        await sql.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
