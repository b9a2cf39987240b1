// @shopstream/crm-data/testing: the crm schema on a test database in
// milliseconds. Runs the checked-in migration SQL in order with `pg` (what `prisma migrate
// deploy` applies, without the Prisma CLI's ~10 s linger); the stack and the repository's own
// test use the real `prisma migrate deploy`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

/** The checked-in migrations, one folder per migration, applied in name order. */
export const CRM_MIGRATIONS_DIR = join(__dirname, '../prisma/migrations');

/**
 * Applies every migration of the crm schema to the (empty) database at `url`.
 *
 * @example
 * ```ts
 * const { url } = await pg.ensureDatabase('crm');
 * await applyCrmMigrations(url);
 * ```
 */
export async function applyCrmMigrations(url: string): Promise<void> {
  const folders = (await readdir(CRM_MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    for (const folder of folders) {
      await sql.query(await readFile(join(CRM_MIGRATIONS_DIR, folder, 'migration.sql'), 'utf8'));
    }
  } finally {
    await sql.end();
  }
}
