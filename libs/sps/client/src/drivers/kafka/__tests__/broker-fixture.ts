// The SPS broker in this process and a kafka-driver client on it, for the kafka driver's own
// specs (the conformance suite has its harness). `client()` connects more clients; all are
// closed, then the broker, by `close()`.
import { type Broker } from '@shopstream/sps-kafka-wire';
import { connect } from '../../../connect';
import { type SpsClient } from '../../../sps-client';
import { createKafkaDriver, type KafkaDriver } from '../kafka.driver';
import { startTestBroker, TEST_CLIENT } from './kafka-harness';

export interface BrokerFixture {
  broker: Broker;
  /** The driver under `client`, for what the client does not expose (e.g. `indexForTime`). */
  driver: KafkaDriver;
  client: SpsClient;
  /** Another client of the same broker. */
  connectClient(): Promise<SpsClient>;
  close(): Promise<void>;
}

/** Consumer options that keep these specs fast. */
export const FAST = {
  sessionTimeoutMs: 2_000,
  heartbeatIntervalMs: 100,
  maxWaitMs: 100,
  commit: { intervalMs: 20 },
  retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 },
} as const;

export async function openBrokerFixture(): Promise<BrokerFixture> {
  const { broker, remove } = await startTestBroker();
  const clients: SpsClient[] = [];
  const connectClient = async () => {
    const client = await connect({ driver: 'kafka', brokers: [broker.bootstrap], ...TEST_CLIENT });
    clients.push(client);
    return client;
  };
  const driver = await createKafkaDriver({ brokers: [broker.bootstrap], ...TEST_CLIENT });
  const client = await connect({ driver });
  clients.push(client);
  return {
    broker,
    driver,
    client,
    connectClient,
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await remove();
    },
  };
}

/** A promise to wait on and the function that opens it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
