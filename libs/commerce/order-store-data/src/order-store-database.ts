// Where the order-store database is. Imported by prisma.config.ts (loaded by the Prisma CLI), so
// it imports nothing.

/** The environment variable that holds the order-store database URL. */
export const ORDER_STORE_DATABASE_URL_ENV = 'ORDER_STORE_DATABASE_URL';

/**
 * The order-store database on the local stack: database and role `order_store` on the
 * embedded PostgreSQL (DESIGN.md: port 5433). Local development credentials only.
 */
export const LOCAL_ORDER_STORE_DATABASE_URL =
  'postgresql://order_store:order_store@127.0.0.1:5433/order_store';

/**
 * The order-store database URL: `ORDER_STORE_DATABASE_URL` when set, else the local stack's.
 *
 * @param env The environment to read. @default process.env
 */
export function orderStoreDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[ORDER_STORE_DATABASE_URL_ENV] || LOCAL_ORDER_STORE_DATABASE_URL;
}

/**
 * The Prisma CLI config of this database, relative to the workspace root: what the local
 * stack passes to `prisma migrate deploy --config`.
 */
export const ORDER_STORE_PRISMA_CONFIG = 'libs/commerce/order-store-data/prisma.config.ts';
