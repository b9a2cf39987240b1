// Runs the Prisma CLI (the `prisma` package's own entry point, with this Node) for one schema,
// e.g. `migrate deploy` when the local stack starts or in an integration test.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** Options of {@link runPrismaCli}. */
export interface PrismaCliOptions {
  /** The schema's `prisma.config.ts` (it names the schema, migrations and adapter). */
  configFile: string;
  /** Extra environment, e.g. the database URL variable the config reads. */
  env?: Record<string, string>;
  /** Fail after this long. @default 120000 */
  timeoutMs?: number;
  /**
   * Resolve as soon as the output matches, and stop the CLI instead of waiting out the Wasm
   * engine's ~10 s linger (its work is committed once it printed this). For `migrate deploy`:
   * {@link MIGRATE_DEPLOY_DONE}.
   */
  doneWhen?: RegExp;
}

/** What `prisma migrate deploy` prints once every migration is applied (or none was pending). */
export const MIGRATE_DEPLOY_DONE =
  /All migrations have been successfully applied|No pending migrations to apply/;

/** What the CLI printed, and how long it took. */
export interface PrismaCliResult {
  output: string;
  durationMs: number;
}

/**
 * Runs `prisma <args> --config <configFile>` and resolves with its output when it exits 0.
 * Telemetry and update checks are off (they would try the network). Note that with the
 * Wasm schema engine every command that connects to PostgreSQL lingers ~10 s after its work
 * is done (a timer inside the engine keeps Node alive); the command has succeeded by then.
 *
 * @example
 * ```ts
 * await runPrismaCli(['migrate', 'deploy'], {
 *   configFile: 'libs/commerce/order-store-data/prisma.config.ts',
 *   env: { ORDER_STORE_DATABASE_URL: url },
 * });
 * ```
 */
export function runPrismaCli(args: string[], options: PrismaCliOptions): Promise<PrismaCliResult> {
  const started = Date.now();
  // createRequire: this file also runs as an ES module under Vitest, where `require` is absent.
  const cli = createRequire(__filename).resolve('prisma/build/index.js');
  const child = spawn(process.execPath, [cli, ...args, '--config', options.configFile], {
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      NO_COLOR: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let done = false;
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!done && options.doneWhen?.test(output)) {
        done = true;
        resolve({ output, durationMs: Date.now() - started });
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (done) return;
      const result = { output, durationMs: Date.now() - started };
      if (code === 0) resolve(result);
      else reject(new Error(`prisma ${args.join(' ')} failed (${code ?? signal}):\n${output}`));
    });
  });
}
