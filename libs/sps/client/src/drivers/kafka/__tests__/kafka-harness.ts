/**
 * The conformance harness of the kafka driver: a fresh SPS broker (`startBroker`: engine +
 * Kafka-protocol server) in this process per test, on a free port over a temp directory (fsync
 * off), with a minimum session timeout low enough for 2 s sessions. Retention runs only when
 * the suite asks (`enforceRetention` on the broker's engine), never on a timer in between.
 *
 * - Lost acknowledgements: a second listener on the same engine ({@link listenerBehind})
 *   advertises a {@link LostAckProxy} in front of it, which drops every other Produce response with its
 *   connection. The lossy client bootstraps from the proxy and, told by Metadata that the
 *   broker is the proxy, sends everything through it; kafkajs retries the batch, and the
 *   engine behind both listeners deduplicates it by producer id and sequence — or, without
 *   idempotence, stores it twice.
 * - A consumer process: kafka-consumer.child.ts joins the group over TCP; SIGKILL leaves its
 *   member in the group until the session timeout, as a crash would.
 */
import { join } from 'node:path';
import {
  type Broker,
  createEngineHandlers,
  KafkaServer,
  silentLogger,
  startBroker,
} from '@shopstream/sps-kafka-wire';
import {
  type ConformanceClient,
  type ConformanceHarness,
  type ScriptProcess,
  spawnScript,
  tempDir,
} from '@shopstream/sps-testing';
import { connect } from '../../../connect';
import { type SpsClient } from '../../../sps-client';
import { type KafkaDriverOptions } from '../kafka-options';
import { LostAckProxy } from './lost-ack-proxy';

const CHILD = join(__dirname, '../__fixtures__/kafka-consumer.child.ts');
const TIMING = { sessionTimeoutMs: 2_000, heartbeatIntervalMs: 100 };

/** Client options for tests: quick retries, fresh metadata, quiet kafkajs. */
export const TEST_CLIENT: Omit<KafkaDriverOptions, 'brokers'> = {
  logLevel: 'nothing',
  metadataMaxAgeMs: 1_000,
  retry: { retries: 8, initialRetryTime: 50, maxRetryTime: 500 },
};

/** The SPS broker in this process, as tests start it. */
export async function startTestBroker(
  options: { users?: Record<string, string> } = {},
): Promise<{ broker: Broker; remove: () => Promise<void> }> {
  const dir = await tempDir('sps-kafka-');
  const broker = await startBroker({
    ...options,
    dataDir: dir.path,
    port: 0,
    fsync: 'never',
    minSessionTimeoutMs: 100,
    retentionCheckIntervalMs: 3_600_000, // the suite runs retention itself
    closeTimeoutMs: 1_000,
    logger: silentLogger,
  });
  return {
    broker,
    remove: async () => {
      await broker.close();
      await dir.remove();
    },
  };
}

/** Something in front of a listener: a proxy, a TLS terminator. */
export interface Front {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A second listener on `broker`'s engine behind `front` (started on the listener's address),
 * advertising the front's port: clients bootstrapping from `127.0.0.1:<front port>` then send
 * everything through it, as they would through a TLS proxy in production.
 */
export async function listenerBehind<F extends Front>(
  broker: Broker,
  startFront: (target: { host: string; port: number }) => Promise<F>,
): Promise<{ front: F; bootstrap: string; close: () => Promise<void> }> {
  let frontPort = 0;
  const server = new KafkaServer({
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    closeTimeoutMs: 1_000,
    handlers: createEngineHandlers(broker.engine, {
      self: () => ({ nodeId: broker.advertised.nodeId, host: '127.0.0.1', port: frontPort }),
      clusterId: broker.clusterId,
    }),
  });
  const bound = await server.listen();
  const front = await startFront({ host: '127.0.0.1', port: bound.port });
  frontPort = front.port;
  return {
    front,
    bootstrap: `127.0.0.1:${front.port}`,
    close: async () => {
      await front.close();
      await server.close();
    },
  };
}

export async function openKafkaHarness(): Promise<ConformanceHarness> {
  const { broker, remove } = await startTestBroker();
  const clients: SpsClient[] = [];
  const children: ScriptProcess[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const track = (client: SpsClient): SpsClient => (clients.push(client), client);
  const connectTo = async (bootstrap: string) =>
    track(await connect({ driver: 'kafka', brokers: [bootstrap], ...TEST_CLIENT }));

  return {
    driver: 'kafka',
    consumerTiming: TIMING,
    connect: async (): Promise<ConformanceClient> => connectTo(broker.bootstrap),
    enforceRetention: async () => {
      await broker.engine.enforceRetention();
    },
    producerWithLostAcks: async (_client, { idempotent }) => {
      const lossy = await listenerBehind(broker, (target) => LostAckProxy.start(target));
      cleanups.push(lossy.close);
      const client = await connectTo(lossy.bootstrap);
      return client.producer({ idempotent });
    },
    startConsumerProcess: ({ group, stream }) => {
      const script = spawnScript(CHILD, {
        args: [
          broker.bootstrap,
          group,
          stream,
          String(TIMING.sessionTimeoutMs),
          String(TIMING.heartbeatIntervalMs),
        ],
      });
      children.push(script);
      return Promise.resolve({ script, kill: () => script.kill('SIGKILL') });
    },
    close: async () => {
      await Promise.all(children.map((c) => c.kill('SIGKILL'))); // a test that failed early
      await Promise.all(clients.splice(0).map((c) => c.close()));
      for (const cleanup of cleanups.splice(0)) await cleanup();
      await remove();
    },
  };
}
