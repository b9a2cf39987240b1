/**
 * The broker's configuration: command-line flags, each with an `SPS_BROKER_*` environment
 * variable (a flag wins over its variable), validated up front so a bad value stops the
 * process with a clear message (exit code 2) instead of a confusing failure later. The
 * options themselves are one table in config-options.ts.
 */
import { parseArgs } from 'node:util';
import { type BrokerOptions, type LogLevel } from '@shopstream/sps-kafka-wire';
import { type FsyncPolicy } from '@shopstream/sps-log';
import { envName, type Option, type OptionKey as Key, OPTIONS } from './config-options';

export { envName, helpText } from './config-options';

/** A configuration the broker cannot start with; main prints it and exits 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The validated configuration. */
export interface BrokerConfig extends Required<
  Pick<
    BrokerOptions,
    | 'host'
    | 'port'
    | 'nodeId'
    | 'dataDir'
    | 'fsync'
    | 'defaultPartitions'
    | 'autoCreateTopics'
    | 'retentionCheckIntervalMs'
    | 'minSessionTimeoutMs'
    | 'maxFrameBytes'
    | 'closeTimeoutMs'
  >
> {
  advertisedHost: string | undefined;
  advertisedPort: number | undefined;
  retentionMs: number | undefined;
  retentionBytes: number | undefined;
  users: Record<string, string> | undefined;
  logLevel: LogLevel;
}

/** Parses argv (without node and script) and the environment; throws ConfigError. */
export function parseConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { help: true } | { help: false; config: BrokerConfig } {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          OPTIONS.map((o) => [o.flag, { type: 'string' as const, multiple: o.multiple === true }]),
        ),
      },
    }));
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values['help'] === true) return { help: true };
  const raw = (o: Option): string[] => {
    const value = values[o.flag];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    if (typeof value === 'string') return [value];
    const fromEnv = env[envName(o)];
    if (fromEnv !== undefined && fromEnv !== '') return o.multiple ? fromEnv.split(',') : [fromEnv];
    return o.fallback === undefined ? [] : [o.fallback];
  };
  const get = (key: Key) => {
    const option = OPTIONS.find((o) => o.key === key)!;
    return { name: `--${option.flag} (${envName(option)})`, values: raw(option) };
  };
  const one = (key: Key) => get(key).values[0];
  const int = (key: Key, ok: (n: number) => boolean, expected: string): number | undefined => {
    const { name, values } = get(key);
    const text = values[0];
    if (text === undefined) return undefined;
    const n = /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n) || !ok(n))
      throw new ConfigError(`${name} must be ${expected}, got "${text}"`);
    return n;
  };
  /** An option with a fallback: always has a value. */
  const need = (key: Key, ok: (n: number) => boolean, expected: string): number => {
    const n = int(key, ok, expected);
    if (n === undefined) throw new ConfigError(`${get(key).name} is required`);
    return n;
  };

  const config: BrokerConfig = {
    host: nonEmpty(get('host')),
    port: need('port', (n) => n >= 0 && n <= 65_535, 'a port number 0..65535'),
    advertisedHost:
      one('advertisedHost') === undefined ? undefined : nonEmpty(get('advertisedHost')),
    advertisedPort: int('advertisedPort', (n) => n >= 1 && n <= 65_535, 'a port number 1..65535'),
    nodeId: need('nodeId', (n) => n >= 0 && n <= 2_147_483_647, 'a non-negative integer'),
    dataDir: nonEmpty(get('dataDir')),
    fsync: fsyncPolicy(get('fsync')),
    defaultPartitions: need(
      'defaultPartitions',
      (n) => n >= 1 && n <= 10_000,
      'an integer 1..10000',
    ),
    autoCreateTopics: boolean(get('autoCreateTopics')),
    retentionMs: int('retentionMs', (n) => n === -1 || n >= 1, '-1 or a positive integer'),
    retentionBytes: int('retentionBytes', (n) => n === -1 || n >= 1, '-1 or a positive integer'),
    retentionCheckIntervalMs: need('retentionCheckIntervalMs', (n) => n >= 1, 'a positive integer'),
    minSessionTimeoutMs: need(
      'minSessionTimeoutMs',
      (n) => n >= 1 && n <= 1_800_000,
      'an integer 1..1800000',
    ),
    users: users(get('saslUser')),
    maxFrameBytes: need('maxFrameBytes', (n) => n >= 1024, 'an integer of at least 1024'),
    closeTimeoutMs: need('closeTimeoutMs', (n) => n >= 1, 'a positive integer'),
    logLevel: logLevel(get('logLevel')),
  };
  return { help: false, config };
}

interface Raw {
  name: string;
  values: string[];
}

function nonEmpty({ name, values }: Raw): string {
  const value = values[0]?.trim() ?? '';
  if (value === '') throw new ConfigError(`${name} must not be empty`);
  return value;
}

function fsyncPolicy({ name, values }: Raw): FsyncPolicy {
  const value = values[0] ?? 'always';
  if (value === 'always' || value === 'never') return value;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value)))
    return { intervalMs: Number(value) };
  throw new ConfigError(`${name} must be always, never or an interval in ms, got "${value}"`);
}

function boolean({ name, values }: Raw): boolean {
  const value = values[0] ?? 'true';
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function logLevel({ name, values }: Raw): LogLevel {
  const value = values[0] ?? 'info';
  if (value === 'debug' || value === 'info' || value === 'warn' || value === 'error') return value;
  throw new ConfigError(`${name} must be debug, info, warn or error, got "${value}"`);
}

function users({ name, values }: Raw): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const result: Record<string, string> = {};
  for (const entry of values) {
    const colon = entry.indexOf(':');
    const user = colon > 0 ? entry.slice(0, colon).trim() : '';
    const password = colon > 0 ? entry.slice(colon + 1) : '';
    if (user === '' || password === '')
      throw new ConfigError(
        `${name} entries must be name:password, got "${entry.replace(/:.*/, ':…')}"`,
      );
    if (Object.hasOwn(result, user)) throw new ConfigError(`${name} names user "${user}" twice`);
    result[user] = password;
  }
  return result;
}

/** The config as `startBroker` options (the logger is main's). */
export function brokerOptions(config: BrokerConfig): Omit<BrokerOptions, 'logger'> {
  const topicDefaults = {
    ...(config.retentionMs === undefined ? {} : { ttlMs: config.retentionMs }),
    ...(config.retentionBytes === undefined ? {} : { retentionBytes: config.retentionBytes }),
  };
  return {
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    ...(config.advertisedHost === undefined ? {} : { advertisedHost: config.advertisedHost }),
    ...(config.advertisedPort === undefined ? {} : { advertisedPort: config.advertisedPort }),
    nodeId: config.nodeId,
    fsync: config.fsync,
    defaultPartitions: config.defaultPartitions,
    autoCreateTopics: config.autoCreateTopics,
    topicDefaults,
    retentionCheckIntervalMs: config.retentionCheckIntervalMs,
    minSessionTimeoutMs: config.minSessionTimeoutMs,
    ...(config.users === undefined ? {} : { users: config.users }),
    maxFrameBytes: config.maxFrameBytes,
    closeTimeoutMs: config.closeTimeoutMs,
  };
}
