/**
 * Options of the `kafka` driver: the SPS client on a Kafka-protocol cluster (Apache Kafka,
 * Redpanda, Amazon MSK, the Azure Event Hubs Kafka endpoint, the SPS broker) through kafkajs.
 *
 * These types are our own, not kafkajs' (kafkajs types never leave `drivers/kafka/`): an
 * application on the embedded driver compiles without kafkajs.
 */
import { type ConnectionOptions } from 'node:tls';

/** SASL credentials. Event Hubs: `{ mechanism: 'plain', username: '$ConnectionString', password: '<connection string>' }`. */
export interface KafkaSaslOptions {
  /** `plain` (SPS broker, Event Hubs, Confluent Cloud); `scram-*` (Redpanda, MSK SCRAM). */
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/** How kafkajs retries a request that failed with a retriable error (kafkajs' own names). */
export interface KafkaRetryOptions {
  /** @default 5 (an idempotent producer always retries without limit, as kafkajs requires) */
  retries?: number;
  /** @default 300 */
  initialRetryTime?: number;
  /** @default 30000 */
  maxRetryTime?: number;
  /** Randomisation of each delay. @default 0.2 */
  factor?: number;
  /** Growth of the delay per retry. @default 2 */
  multiplier?: number;
}

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

/**
 * @example
 * ```ts
 * await connect({ driver: 'kafka', brokers: ['127.0.0.1:9092'] }); // SPS broker, local Kafka
 * await connect({
 *   driver: 'kafka',
 *   brokers: ['my-ns.servicebus.windows.net:9093'],
 *   ssl: true,
 *   sasl: { mechanism: 'plain', username: '$ConnectionString', password: process.env.EH_CONN! },
 * });
 * ```
 */
export interface KafkaDriverOptions {
  /** Bootstrap servers, `host:port`. */
  brokers: readonly string[];
  /** Names producers and admin requests in broker logs and quotas (consumers use their own `clientId`). @default 'sps' */
  clientId?: string;
  /** TLS: `true` with the system CAs, or Node's TLS options (CA, client certificate for mTLS). @default false */
  ssl?: boolean | ConnectionOptions;
  sasl?: KafkaSaslOptions;
  /** @default 3000 */
  connectionTimeoutMs?: number;
  /** @default 30000 */
  requestTimeoutMs?: number;
  retry?: KafkaRetryOptions;
  /** kafkajs log lines at this level and above go to stderr as JSON lines. @default 'error' */
  logLevel?: KafkaLogLevel;
  /**
   * How old cached cluster metadata may get. Bounds how long a running consumer group takes
   * to pick up partitions added to its streams, and a long-lived producer to place keys on them.
   * @default 10000
   */
  metadataMaxAgeMs?: number;
  /**
   * How many partitions one consumer or reader hands to the delivery runtime at the same time
   * (kafkajs `partitionsConsumedConcurrently`). @default 8
   */
  partitionsConsumedConcurrently?: number;
}

/** {@link KafkaDriverOptions} with every default applied. */
export type ResolvedKafkaOptions = Required<Omit<KafkaDriverOptions, 'sasl' | 'retry'>> &
  Pick<KafkaDriverOptions, 'sasl' | 'retry'>;

export function resolveKafkaOptions(options: KafkaDriverOptions): ResolvedKafkaOptions {
  return {
    brokers: options.brokers,
    clientId: options.clientId ?? 'sps',
    ssl: options.ssl ?? false,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 3_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    logLevel: options.logLevel ?? 'error',
    metadataMaxAgeMs: options.metadataMaxAgeMs ?? 10_000,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 8,
    ...(options.sasl ? { sasl: options.sasl } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  };
}
