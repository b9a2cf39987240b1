// The Prisma CLI adapter's workarounds, checked against a real PostgreSQL 18: each case shows
// the upstream failure with plain @prisma/adapter-pg, then that our adapter gets it right. If
// an upstream release fixes a bug, its "plain" case fails: then the workaround can go.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../postgres/test-postgres';
import { prismaCliAdapter } from './prisma-cli-adapter';

const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });

async function databases(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe('prismaCliAdapter', () => {
  let server: TestPostgres;
  let url: string;

  beforeAll(async () => {
    server = await startTestPostgres();
    ({ url } = await server.ensureDatabase('cli'));
  });
  afterAll(() => server?.stop());

  it('reads catalog columns of type name and "char" (plain adapter-pg cannot)', async () => {
    const query = sql(`SELECT datname, 'c'::"char" AS kind FROM pg_database WHERE datname = 'cli'`);
    const plain = await new PrismaPg({ connectionString: url }).connect();
    await expect(plain.queryRaw(query)).rejects.toMatchObject({
      cause: { kind: 'UnsupportedNativeDataType' },
    });
    await plain.dispose();

    const ours = await prismaCliAdapter(url).connect();
    try {
      expect((await ours.queryRaw(query)).rows).toEqual([['cli', 'c']]);
      // The same inside a transaction (a checked-out pool client, promise-style queries).
      const tx = await ours.startTransaction();
      expect((await tx.queryRaw(query)).rows).toEqual([['cli', 'c']]);
      await tx.rollback();
    } finally {
      await ours.dispose();
    }
  });

  it("hides PostgreSQL 18's NOT NULL rows of pg_constraint from the engine's check-constraint query", async () => {
    const ours = await prismaCliAdapter(url).connect();
    try {
      await ours.executeScript('CREATE TABLE t (a int NOT NULL CHECK (a > 0))');
      const { rows } = await ours.queryRaw(
        sql(`SELECT conname AS constraint_name, contype AS constraint_type
             FROM pg_constraint WHERE conrelid = 't'::regclass ORDER BY 1`),
      );
      expect(rows).toEqual([['t_a_check', 'c']]);
    } finally {
      await ours.dispose();
    }
  });

  it('gives migrate dev a real, empty shadow database and drops it afterwards', async () => {
    const shadow = await prismaCliAdapter(url).connectToShadowDb();
    const { rows } = await shadow.queryRaw(sql('SELECT current_database() AS db'));
    const name = String(rows[0]?.[0]);
    expect(name).toMatch(/^prisma_shadow_[0-9a-f]{32}$/);
    expect(await databases(server.url)).toContain(name);
    await shadow.dispose();
    expect(await databases(server.url)).not.toContain(name);
  });
});
