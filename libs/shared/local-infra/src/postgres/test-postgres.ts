// A throw-away PostgreSQL for one test file: free port, temp data directory, no fsync, and
// everything removed on stop (also when the start fails).
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { LocalPostgres } from './local-postgres';
import { type ServiceDatabase, type ServiceDatabaseSpec } from './service-database';

/** A running test server; call `stop()` in `afterAll`. */
export interface TestPostgres {
  postgres: LocalPostgres;
  port: number;
  /** The superuser's URL for the `postgres` database. */
  url: string;
  /** See {@link LocalPostgres.ensureDatabase}. */
  ensureDatabase(spec: string | ServiceDatabaseSpec): Promise<ServiceDatabase>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

const ATTEMPTS = 3;

/**
 * Starts a PostgreSQL server for a test on a free port in a new temp directory.
 *
 * @example
 * ```ts
 * let pg: TestPostgres;
 * beforeAll(async () => { pg = await startTestPostgres(); });
 * afterAll(() => pg?.stop());
 * ```
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const root = await mkdtemp(join(tmpdir(), 'shopstream-pg-'));
  // mkdtemp makes a 0700 directory; as root the server runs as `postgres` and must get in.
  await chmod(root, 0o755);
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const postgres = new LocalPostgres({
      dataDir: join(root, 'data'),
      port: await freePort(),
      durable: false,
      // A test server dies with the test run's process group (e.g. on Ctrl-C).
      detached: false,
    });
    try {
      await postgres.start();
      return {
        postgres,
        port: postgres.port,
        url: postgres.url(),
        ensureDatabase: (spec) => postgres.ensureDatabase(spec),
        stop: async () => {
          try {
            await postgres.stop();
          } finally {
            await rm(root, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      lastError = error;
      // Someone took the free port between our check and the server's bind: try another.
      const log = await readFile(postgres.logFile, 'utf8').catch(() => '');
      const portTaken = /already in use|could not bind/i;
      if (!portTaken.test(String(error)) && !portTaken.test(log)) break;
    }
  }
  await rm(root, { recursive: true, force: true });
  throw lastError;
}
