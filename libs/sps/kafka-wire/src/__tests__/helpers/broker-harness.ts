// The compatibility suites' set-up: a real SPS broker (engine + server, `startBroker`) on a
// free port over a temp data dir, kafkajs clients that are disconnected after each test, and
// polling waits with generous deadlines (the suites share a 2-core CI machine with other
// projects: deadlines on waits, never on assertions).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Admin,
  type Consumer,
  type ConsumerConfig,
  Kafka,
  type KafkaConfig,
  type LogEntry,
  logLevel,
  Partitioners,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { afterEach } from 'vitest';
import { type Broker, type BrokerOptions, startBroker } from '../../broker/start-broker';
import { captureLogger, type LogLine } from './test-server';

/** Short group timings so rebalances take a fraction of a second. */
export const FAST_GROUP: Partial<ConsumerConfig> = {
  sessionTimeout: 6_000,
  rebalanceTimeout: 10_000,
  heartbeatInterval: 200,
  maxWaitTimeInMs: 250,
  retry: { retries: 20, initialRetryTime: 50, maxRetryTime: 1_000 },
};

export interface TestBroker extends Broker {
  log: LogLine[];
  /** A kafkajs client for this broker; its producers/consumers/admins are cleaned up. */
  kafka(config?: Partial<KafkaConfig>): TestKafka;
}

export interface TestKafka {
  readonly kafka: Kafka;
  /** kafkajs log entries at WARN and above (ERROR ones fail tests that check them). */
  readonly logs: LogEntry[];
  producer(config?: ProducerConfig): Promise<Producer>;
  consumer(config: ConsumerConfig): Promise<Consumer>;
  admin(): Promise<Admin>;
}

/** Registers clean-up for one test file and returns `start(options)`. */
export function brokerHarness(defaults: Partial<BrokerOptions> = {}) {
  let cleanups: Array<() => Promise<void>> = [];

  afterEach(async () => {
    // Clients first (they leave their groups), then brokers, then directories.
    const run = cleanups.reverse();
    cleanups = [];
    for (const cleanup of run) await cleanup().catch(() => undefined);
  });

  return async function start(options: Partial<BrokerOptions> = {}): Promise<TestBroker> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sps-broker-')));
    if (options.dataDir === undefined)
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const logger = captureLogger();
    const broker = await startBroker({
      port: 0,
      minSessionTimeoutMs: 1_000,
      closeTimeoutMs: 2_000,
      logger,
      ...defaults,
      ...options,
      dataDir,
    });
    cleanups.push(() => broker.close());
    const kafka = (config: Partial<KafkaConfig> = {}): TestKafka => {
      const logs: LogEntry[] = [];
      const client = new Kafka({
        clientId: 'sps-compat',
        brokers: [broker.bootstrap],
        logLevel: logLevel.WARN,
        logCreator: () => (entry) => void logs.push(entry),
        retry: { retries: 10, initialRetryTime: 50, maxRetryTime: 1_000 },
        ...config,
      });
      const track = async <T extends { connect(): Promise<void>; disconnect(): Promise<void> }>(
        client: T,
      ): Promise<T> => {
        cleanups.push(() => client.disconnect());
        await client.connect();
        return client;
      };
      return {
        kafka: client,
        logs,
        producer: (c = {}) =>
          track(client.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...c })),
        consumer: (c) => track(client.consumer({ ...FAST_GROUP, ...c })),
        admin: () => track(client.admin()),
      };
    };
    return Object.assign(broker, { log: logger.lines, kafka });
  };
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs` naming `what`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** kafkajs ERROR log lines, as text, for assertions. */
export function errorsIn(logs: readonly LogEntry[]): string[] {
  return logs
    .filter((e) => e.level === logLevel.ERROR)
    .map((e) => `${e.namespace}: ${e.log.message}`);
}
