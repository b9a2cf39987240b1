// Where the mailer database is. Imported by prisma.config.ts (loaded by the Prisma CLI), so
// it imports nothing.

/** The environment variable the Prisma CLI config reads (the service itself: DATABASE_URL). */
export const MAILER_DATABASE_URL_ENV = 'MAILER_DATABASE_URL';

/**
 * The mailer database on the local stack: database and role `mailer` on the embedded
 * PostgreSQL (DESIGN.md: port 5433), as `LocalPostgres#ensureDatabase('mailer')` creates them.
 * Local development credentials only.
 */
export const LOCAL_MAILER_DATABASE_URL = 'postgresql://mailer:mailer@127.0.0.1:5433/mailer';

/**
 * The mailer database URL: `MAILER_DATABASE_URL` when set, else the local stack's.
 *
 * @param env The environment to read. @default process.env
 */
export function mailerDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[MAILER_DATABASE_URL_ENV] || LOCAL_MAILER_DATABASE_URL;
}

/**
 * The Prisma CLI config of this database, relative to the workspace root: what the local
 * stack passes to `prisma migrate deploy --config`.
 */
export const MAILER_PRISMA_CONFIG = 'libs/commerce/mailer-data/prisma.config.ts';
