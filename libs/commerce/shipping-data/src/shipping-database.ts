// Where the shipping database is. Imported by prisma.config.ts (loaded by the Prisma CLI), so
// it imports nothing.

/** The environment variable the Prisma CLI config reads (the service itself: DATABASE_URL). */
export const SHIPPING_DATABASE_URL_ENV = 'SHIPPING_DATABASE_URL';

/**
 * The shipping database on the local stack: database and role `shipping` on the embedded
 * PostgreSQL (DESIGN.md: port 5433), as `LocalPostgres#ensureDatabase('shipping')` creates
 * them. Local development credentials only.
 */
export const LOCAL_SHIPPING_DATABASE_URL = 'postgresql://shipping:shipping@127.0.0.1:5433/shipping';

/**
 * The shipping database URL: `SHIPPING_DATABASE_URL` when set, else the local stack's.
 *
 * @param env The environment to read. @default process.env
 */
export function shippingDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[SHIPPING_DATABASE_URL_ENV] || LOCAL_SHIPPING_DATABASE_URL;
}

/**
 * The Prisma CLI config of this database, relative to the workspace root: what the local
 * stack passes to `prisma migrate deploy --config`.
 */
export const SHIPPING_PRISMA_CONFIG = 'libs/commerce/shipping-data/prisma.config.ts';
