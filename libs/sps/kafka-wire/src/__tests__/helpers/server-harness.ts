// Shared set-up for the server behaviour suites: a KafkaServer on a free port with a
// capturing logger, raw clients, and clean-up after each test.
import { afterEach } from 'vitest';
import { type DescribeConfigsRequest, type HeartbeatRequest } from '../../protocol/apis';
import { type KafkaServer } from '../../server/kafka-server';
import { RawClient } from './raw-client';
import { startServer } from './test-server';

/** Registers clean-up and returns `setup(options)` for one test file. */
export function serverHarness() {
  let servers: KafkaServer[] = [];
  let clients: RawClient[] = [];

  afterEach(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    clients = [];
  });

  return async function setup(options: Parameters<typeof startServer>[0] = {}) {
    const started = await startServer({ closeTimeoutMs: 500, ...options });
    servers.push(started.server);
    const client = async (opts?: { paused?: boolean }) => {
      const c = await RawClient.connect(started.port, opts);
      clients.push(c);
      return c;
    };
    return { ...started, client };
  };
}

export const heartbeat = (groupId: string): HeartbeatRequest => ({
  groupId,
  generationId: 1,
  memberId: 'm',
  groupInstanceId: null,
});

export const describeConfigs = (name: string): DescribeConfigsRequest => ({
  resources: [{ resourceType: 2, resourceName: name, configurationKeys: null }],
  includeSynonyms: false,
});
