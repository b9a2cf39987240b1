/**
 * The environment every shop service reads, validated once at start-up:
 * `HOST` (127.0.0.1), `PORT`, `LOG_LEVEL` (info), `LOG_FORMAT` (json | pretty) and the `SPS_*`
 * connection (see sps-env.ts). A service adds its own keys (`DATABASE_URL`, `SMTP_HOST`, ...)
 * to the same object, so one start names every wrong variable at once.
 */
import { z } from 'zod';
import { ConfigError, configFields, loadConfig } from '@shopstream/service-kit';
import { saslPair, spsEnvShape } from '../sps/sps-env';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The fields every service has; `defaultPort` comes from DESIGN.md (order-api 3000, ...). */
export function baseEnvShape(defaultPort: number) {
  return {
    HOST: configFields.host(),
    PORT: configFields.port(defaultPort),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
    ...spsEnvShape,
  };
}

/**
 * A service's config schema: the base fields plus its own.
 *
 * @example
 * ```ts
 * const schema = serviceEnvSchema(3001, { DATABASE_URL: postgresUrl(LOCAL_ORDER_STORE_DATABASE_URL) });
 * const config = loadConfigOrExit('order-store', schema);
 * ```
 */
export function serviceEnvSchema<Extra extends z.ZodRawShape = Record<never, never>>(
  defaultPort: number,
  extra: Extra = {} as Extra,
) {
  return (
    z
      .object({ ...baseEnvShape(defaultPort), ...extra })
      // Also when other variables are wrong: one start names every problem.
      .superRefine(saslPair, { when: () => true })
  );
}

/** The base config, parsed. */
export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;

/** A PostgreSQL URL (`postgresql://` or `postgres://`), defaulting to the local stack's. */
export function postgresUrl(fallback: string) {
  return z
    .string()
    .default(fallback)
    .pipe(
      z.url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgresql:// URL, e.g. postgresql://user:password@127.0.0.1:5433/db',
      }),
    );
}

/**
 * `loadConfig` for a service's `main.ts`: on a wrong environment it prints every wrong
 * variable and exits with code 2 (a usage error, not a crash), before anything started.
 */
export function loadConfigOrExit<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  try {
    return loadConfig(service, schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
