// One database per service, owned by a role of its own: each service owns its data (DESIGN.md)
// and could not read another's tables even by mistake.
import type pg from 'pg';

/** What {@link ensureServiceDatabase} creates. */
export interface ServiceDatabaseSpec {
  /** Database name: lower case letters, digits and `_`, e.g. `order_store`. */
  database: string;
  /** The owning role. @default the database name */
  role?: string;
  /** The role's password. Local development only. @default the role name */
  password?: string;
}

/** A service's database and how to reach it. */
export interface ServiceDatabase {
  database: string;
  role: string;
  password: string;
  /** `postgresql://role:password@host:port/database` */
  url: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function checkIdentifier(kind: string, value: string): string {
  if (!IDENTIFIER.test(value)) {
    throw new Error(`Invalid ${kind} "${value}": use lower case letters, digits and _`);
  }
  return value;
}

/** PostgreSQL error codes that mean "someone created it first" (a concurrent ensure). */
const ALREADY_EXISTS = new Set(['42710', '42P04', '23505']);

/** Advisory lock key of {@link ensureServiceDatabase} (an arbitrary, fixed 64-bit number). */
const ENSURE_LOCK = '7305143002911841';

function ignoreAlreadyExists(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !ALREADY_EXISTS.has(code)) throw error;
}

/**
 * Makes sure the role and the database exist and converges the role to LOGIN, CREATEDB (the
 * Prisma CLI creates throw-away shadow databases for `migrate dev`) and the given password.
 * Idempotent, and safe when several processes ensure the same database at once.
 *
 * @param admin A connected client of a superuser.
 * @param baseUrl The server's URL; user, password and database are replaced.
 */
export async function ensureServiceDatabase(
  admin: pg.Client,
  spec: ServiceDatabaseSpec,
  baseUrl: string,
): Promise<ServiceDatabase> {
  const database = checkIdentifier('database name', spec.database);
  const role = checkIdentifier('role name', spec.role ?? database);
  const password = spec.password ?? role;
  const quotedRole = admin.escapeIdentifier(role);
  // Concurrent ALTER ROLEs fail with "tuple concurrently updated": one ensure at a time per
  // server (a session-level advisory lock, released below even on failure).
  await admin.query('SELECT pg_advisory_lock($1)', [ENSURE_LOCK]);
  try {
    return await ensureLocked(admin, { database, role, password, quotedRole }, baseUrl);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [ENSURE_LOCK]);
  }
}

async function ensureLocked(
  admin: pg.Client,
  names: { database: string; role: string; password: string; quotedRole: string },
  baseUrl: string,
): Promise<ServiceDatabase> {
  const { database, role, password, quotedRole } = names;
  const roleExists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (roleExists.rowCount === 0) {
    await admin.query(`CREATE ROLE ${quotedRole}`).catch(ignoreAlreadyExists);
  }
  await admin.query(
    `ALTER ROLE ${quotedRole} WITH LOGIN CREATEDB PASSWORD ${admin.escapeLiteral(password)}`,
  );
  const dbExists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (dbExists.rowCount === 0) {
    // CREATE DATABASE cannot take parameters nor run in a transaction: identifiers are checked.
    await admin
      .query(`CREATE DATABASE ${admin.escapeIdentifier(database)} OWNER ${quotedRole}`)
      .catch(ignoreAlreadyExists);
  }
  const url = new URL(baseUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return { database, role, password, url: url.toString() };
}
