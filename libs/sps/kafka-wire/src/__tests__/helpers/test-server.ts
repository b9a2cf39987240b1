// A KafkaServer on a free port with a capturing logger, and test-only stub handlers. The
// stubs are NOT the real implementations (those come with the engine): just enough for
// clients to connect and for the server's own behaviour to be observable.
import { KafkaServer } from '../../server/kafka-server';
import { type KafkaServerOptions } from '../../server/options';
import { type WireLogger } from '../../server/logger';
import { type HandlerFor } from '../../handlers/handler';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

export function captureLogger(): WireLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, msg, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function startServer(
  options: KafkaServerOptions = {},
): Promise<{ server: KafkaServer; port: number; log: LogLine[] }> {
  const logger = captureLogger();
  const server = new KafkaServer({ port: 0, logger, ...options });
  const { port } = await server.listen();
  return { server, port, log: logger.lines };
}

/** A one-broker, fixed-topics Metadata stub so real clients can bootstrap. */
export function metadataStub(
  getPort: () => number,
  topics: Record<string, number> = { orders: 1 },
): HandlerFor<3> {
  return (request) =>
    Promise.resolve({
      throttleTimeMs: 0,
      brokers: [{ nodeId: 0, host: '127.0.0.1', port: getPort(), rack: null }],
      clusterId: 'sps-test',
      controllerId: 0,
      topics: Object.entries(topics)
        .filter(
          ([name]) =>
            request.topics === null ||
            request.topics.length === 0 ||
            request.topics.some((t) => t.name === name),
        )
        .map(([name, partitions]) => ({
          errorCode: 0,
          name,
          isInternal: false,
          partitions: Array.from({ length: partitions }, (_, i) => ({
            errorCode: 0,
            partitionIndex: i,
            leaderId: 0,
            leaderEpoch: 0,
            replicaNodes: [0],
            isrNodes: [0],
            offlineReplicas: [],
          })),
          topicAuthorizedOperations: -2147483648,
        })),
      clusterAuthorizedOperations: -2147483648,
    });
}
