// Where the crm database is. Imported by prisma.config.ts (loaded by the Prisma CLI), so it
// imports nothing.

/** The environment variable the Prisma CLI config reads (the service itself: DATABASE_URL). */
export const CRM_DATABASE_URL_ENV = 'CRM_DATABASE_URL';

/**
 * The crm database on the local stack: database and role `crm` on the embedded PostgreSQL
 * (DESIGN.md: port 5433), as `LocalPostgres#ensureDatabase('crm')` creates them. Local
 * development credentials only.
 */
export const LOCAL_CRM_DATABASE_URL = 'postgresql://crm:crm@127.0.0.1:5433/crm';

/**
 * The crm database URL: `CRM_DATABASE_URL` when set, else the local stack's.
 *
 * @param env The environment to read. @default process.env
 */
export function crmDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[CRM_DATABASE_URL_ENV] || LOCAL_CRM_DATABASE_URL;
}

/**
 * The Prisma CLI config of this database, relative to the workspace root: what the local
 * stack passes to `prisma migrate deploy --config`.
 */
export const CRM_PRISMA_CONFIG = 'libs/commerce/crm-data/prisma.config.ts';
