/**
 * The broker's options, one row each: flag, argument, fallback and help text. The parser
 * (config.ts), the `SPS_BROKER_*` environment names and `--help` are all derived from this
 * table, so they cannot drift apart.
 */
import { type BrokerConfig } from './config';

/** The config field an option sets (`--sasl-user` fills `users`). */
export type OptionKey = Exclude<keyof BrokerConfig, 'users'> | 'saslUser';

export interface Option {
  key: OptionKey;
  flag: string;
  arg: string;
  help: string;
  fallback?: string;
  /** Repeatable flag; its variable holds a comma-separated list. */
  multiple?: boolean;
}

export const OPTIONS: readonly Option[] = [
  {
    key: 'host',
    flag: 'host',
    arg: '<address>',
    fallback: '127.0.0.1',
    help: 'address to listen on',
  },
  {
    key: 'port',
    flag: 'port',
    arg: '<port>',
    fallback: '9092',
    help: 'port to listen on (0 = any free port)',
  },
  {
    key: 'advertisedHost',
    flag: 'advertised-host',
    arg: '<host>',
    help: 'host clients are told to connect to (default: the bound address)',
  },
  {
    key: 'advertisedPort',
    flag: 'advertised-port',
    arg: '<port>',
    help: 'port clients are told to connect to (default: the bound port)',
  },
  { key: 'nodeId', flag: 'node-id', arg: '<id>', fallback: '0', help: 'Kafka node.id' },
  {
    key: 'dataDir',
    flag: 'data-dir',
    arg: '<dir>',
    fallback: 'var/broker',
    help: 'where streams, offsets and producer ids are stored',
  },
  {
    key: 'fsync',
    flag: 'fsync',
    arg: 'always|never|<ms>',
    fallback: 'always',
    help: 'fdatasync before acknowledging, never, or every <ms>',
  },
  {
    key: 'defaultPartitions',
    flag: 'default-partitions',
    arg: '<n>',
    fallback: '1',
    help: 'Kafka num.partitions: partitions of auto-created topics',
  },
  {
    key: 'autoCreateTopics',
    flag: 'auto-create-topics',
    arg: 'true|false',
    fallback: 'true',
    help: 'Kafka auto.create.topics.enable',
  },
  {
    key: 'retentionMs',
    flag: 'retention-ms',
    arg: '<ms>',
    help: 'default retention.ms of new topics, -1 = forever (default 7 days)',
  },
  {
    key: 'retentionBytes',
    flag: 'retention-bytes',
    arg: '<bytes>',
    help: 'default retention.bytes per partition, -1 = no limit (default -1)',
  },
  {
    key: 'retentionCheckIntervalMs',
    flag: 'retention-check-interval-ms',
    arg: '<ms>',
    fallback: '60000',
    help: 'how often retention runs',
  },
  {
    key: 'minSessionTimeoutMs',
    flag: 'min-session-timeout-ms',
    arg: '<ms>',
    fallback: '6000',
    help: 'Kafka group.min.session.timeout.ms (lower it for tests)',
  },
  {
    key: 'saslUser',
    flag: 'sasl-user',
    arg: '<name:password>',
    multiple: true,
    help: 'require SASL/PLAIN with this user (repeatable; env: comma-separated)',
  },
  {
    key: 'maxFrameBytes',
    flag: 'max-frame-bytes',
    arg: '<bytes>',
    fallback: '104857600',
    help: 'Kafka socket.request.max.bytes',
  },
  {
    key: 'closeTimeoutMs',
    flag: 'close-timeout-ms',
    arg: '<ms>',
    fallback: '5000',
    help: 'how long a stop lets in-flight requests finish',
  },
  {
    key: 'logLevel',
    flag: 'log-level',
    arg: 'debug|info|warn|error',
    fallback: 'info',
    help: 'least severe JSON log line written to stderr',
  },
];

/** `SPS_BROKER_` + the flag in upper snake case; `--sasl-user` reads `SPS_BROKER_SASL_USERS`. */
export function envName(option: Pick<Option, 'flag' | 'multiple'>): string {
  return `SPS_BROKER_${option.flag.toUpperCase().replaceAll('-', '_')}${option.multiple ? 'S' : ''}`;
}

/** `--help` text. */
export function helpText(): string {
  const rows = OPTIONS.map(
    (o) =>
      [
        `--${o.flag} ${o.arg}`,
        envName(o),
        o.fallback === undefined ? o.help : `${o.help} (default ${o.fallback})`,
      ] as const,
  );
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return [
    'Usage: npm run broker -- [options]   (node dist/apps/broker/src/main.js [options])',
    '',
    'The SPS engine behind a Kafka wire-protocol server (kafkajs, kcat/librdkafka).',
    'Every option can also be set by its environment variable; a flag wins.',
    '',
    ...rows.map(([flag, env, help]) => `  ${flag.padEnd(w0)}  ${env.padEnd(w1)}  ${help}`),
    `  ${'--help'.padEnd(w0)}  ${''.padEnd(w1)}  show this text`,
    '',
    'Stops cleanly on SIGTERM or SIGINT (Ctrl-C).',
    '',
  ].join('\n');
}
