// Where the stock database is. Imported by prisma.config.ts (loaded by the Prisma CLI), so it
// imports nothing.

/** The environment variable the Prisma CLI config reads (the service itself: DATABASE_URL). */
export const STOCK_DATABASE_URL_ENV = 'STOCK_DATABASE_URL';

/**
 * The stock database on the local stack: database and role `stock` on the embedded
 * PostgreSQL (DESIGN.md: port 5433), as `LocalPostgres#ensureDatabase('stock')` creates them.
 * Local development credentials only.
 */
export const LOCAL_STOCK_DATABASE_URL = 'postgresql://stock:stock@127.0.0.1:5433/stock';

/**
 * The stock database URL: `STOCK_DATABASE_URL` when set, else the local stack's.
 *
 * @param env The environment to read. @default process.env
 */
export function stockDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[STOCK_DATABASE_URL_ENV] || LOCAL_STOCK_DATABASE_URL;
}

/**
 * The Prisma CLI config of this database, relative to the workspace root: what the local
 * stack passes to `prisma migrate deploy --config`.
 */
export const STOCK_PRISMA_CONFIG = 'libs/commerce/stock-data/prisma.config.ts';
