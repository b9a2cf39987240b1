import { z } from 'zod';

/**
 * Thrown when the environment does not satisfy a service's config schema. The message lists
 * every wrong variable with what was expected, so one start tells the user everything to fix.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly service: string,
    readonly problems: Array<{ variable: string; message: string }>,
  ) {
    super(
      `${service}: invalid configuration\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`,
    );
  }
}

/**
 * Reads a service's configuration from environment variables through a zod schema whose keys
 * are the variable names (e.g. `ORDER_API_PORT`). Defaults and coercion live in the schema.
 *
 * @example
 * const config = loadConfig('order-api', z.object({ ORDER_API_PORT: z.coerce.number().int().default(3000) }));
 */
export function loadConfig<S extends z.ZodObject>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    service,
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}

/** Zod pieces most services need. */
export const configFields = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  host: () => z.string().min(1).default('127.0.0.1'),
  url: () => z.url(),
  /** A comma-separated list, e.g. `KAFKA_BROKERS=a:9092,b:9092`. */
  list: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
};
