/**
 * The SPS connection of every shop service, from the environment (the same keys in the local
 * stack and in docker compose; only the values differ):
 *
 * | variable            | default          | meaning                                          |
 * | ------------------- | ---------------- | ------------------------------------------------ |
 * | `SPS_DRIVER`        | `kafka`          | services are separate processes: Kafka protocol  |
 * | `SPS_BROKERS`       | `127.0.0.1:9092` | comma-separated `host:port` list                 |
 * | `SPS_SASL_USERNAME` | (none)           | SASL/PLAIN user (Event Hubs: `$ConnectionString`) |
 * | `SPS_SASL_PASSWORD` | (none)           | its password; both or neither                    |
 * | `SPS_TLS`           | `false`          | TLS to the brokers (`true`/`false`/`1`/`0`)      |
 */
import { z } from 'zod';
import { type ConnectOptions } from '@shopstream/sps-client';

/** An unset variable and an empty one (`SPS_SASL_USERNAME=` in a compose file) mean the same. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

const BROKER = /^[^\s:,]+:\d{1,5}$/;

/** The `SPS_*` fields; spread them into a service's config schema. */
export const spsEnvShape = {
  SPS_DRIVER: z
    .enum(['kafka'], {
      error:
        'must be "kafka" (services are separate processes and talk to a Kafka-protocol broker)',
    })
    .default('kafka'),
  SPS_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(BROKER, { error: 'must be host:port, e.g. 127.0.0.1:9092' }))
        .min(1, { error: 'must name at least one broker (host:port)' }),
    ),
  SPS_SASL_USERNAME: optionalText,
  SPS_SASL_PASSWORD: optionalText,
  SPS_TLS: z
    .enum(['true', 'false', '1', '0', ''], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
};

/** What {@link spsEnvShape} parses to. */
export interface SpsEnv {
  SPS_DRIVER: 'kafka';
  SPS_BROKERS: string[];
  SPS_SASL_USERNAME?: string | undefined;
  SPS_SASL_PASSWORD?: string | undefined;
  SPS_TLS: boolean;
}

/**
 * SASL needs both halves: a check for the whole config object (`schema.superRefine(saslPair)`),
 * so a missing password is reported next to every other wrong variable.
 */
export function saslPair(
  env: { SPS_SASL_USERNAME?: unknown; SPS_SASL_PASSWORD?: unknown },
  ctx: Pick<z.core.$RefinementCtx, 'addIssue'>,
): void {
  const user = env.SPS_SASL_USERNAME !== undefined;
  const password = env.SPS_SASL_PASSWORD !== undefined;
  if (user === password) return;
  const [missing, given] = user
    ? ['SPS_SASL_PASSWORD', 'SPS_SASL_USERNAME']
    : ['SPS_SASL_USERNAME', 'SPS_SASL_PASSWORD'];
  ctx.addIssue({ code: 'custom', path: [missing], message: `is required when ${given} is set` });
}

/** What the `kafka` driver is given (a subset of sps-client's `KafkaDriverOptions`). */
export interface KafkaConnection {
  driver: 'kafka';
  brokers: string[];
  clientId: string;
  ssl: boolean;
  sasl?: { mechanism: 'plain'; username: string; password: string };
}

/** The kafka driver's options for this environment; see {@link spsConnectOptions}. */
export function kafkaConnection(env: SpsEnv, clientId: string): KafkaConnection {
  const connection: KafkaConnection = {
    driver: env.SPS_DRIVER,
    brokers: env.SPS_BROKERS,
    clientId,
    ssl: env.SPS_TLS,
  };
  if (env.SPS_SASL_USERNAME !== undefined && env.SPS_SASL_PASSWORD !== undefined) {
    connection.sasl = {
      mechanism: 'plain',
      username: env.SPS_SASL_USERNAME,
      password: env.SPS_SASL_PASSWORD,
    };
  }
  return connection;
}

/**
 * `connect()` options for a service: the one place that turns `SPS_*` into a connection.
 *
 * @param clientId Names the service in the broker's group descriptions, e.g. `order-store`.
 * @example
 * ```ts
 * SpsModule.forRoot({ connection: spsConnectOptions(config, 'mailer') });
 * ```
 */
export function spsConnectOptions(env: SpsEnv, clientId: string): ConnectOptions {
  return kafkaConnection(env, clientId);
}
