/**
 * `startBroker`: the SPS engine behind a Kafka-protocol server, in one call — what
 * `apps/broker` runs as a process and what tests start in-process on a free port.
 *
 * Start: read (or create) the cluster id in `<dataDir>/meta.properties`, open the engine
 * (recovering after an unclean stop), register the engine handlers, listen, then fill in the
 * advertised address (the bound one unless configured). Stop (`close`): the server stops
 * accepting, parked requests answer at once, in-flight requests finish (bounded by
 * `closeTimeoutMs`), connections close; then the engine closes (fsync, index files, clean
 * markers), so the next start scans nothing.
 */
import { type StreamConfig } from '@shopstream/sps-core';
import { Engine, type FsyncPolicy, NodeStorage, type Storage } from '@shopstream/sps-log';
import { type BrokerNode, ENGINE_TOPIC_DEFAULTS } from '../handlers/engine-handler-options';
import { createEngineHandlers } from '../handlers/engine-handlers';
import { KafkaServer } from '../server/kafka-server';
import { jsonLinesLogger, type WireLogger } from '../server/logger';
import { DEFAULTS } from '../server/options';
import { loadOrCreateClusterId } from './broker-meta';

/** Options of {@link startBroker}. */
export interface BrokerOptions {
  /** Where the engine keeps everything (created if missing). */
  dataDir: string;
  /** Address to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 picks a free one (read `broker.port`). @default 9092 */
  port?: number;
  /**
   * Host clients are told to connect to (Metadata, FindCoordinator): set it when clients
   * reach the broker through another name, a NAT or a TLS proxy.
   * @default the bound address (127.0.0.1 when bound to a wildcard address)
   */
  advertisedHost?: string;
  /** Port clients are told to connect to. @default the bound port */
  advertisedPort?: number;
  /** Kafka `node.id`. @default 0 */
  nodeId?: number;
  /** When appends are durable: `'always'` (fdatasync per group commit), `'never'`, `{ intervalMs }`. @default 'always' */
  fsync?: FsyncPolicy;
  /** Kafka `num.partitions`: partitions of auto-created topics and of CreateTopics with -1. @default 1 */
  defaultPartitions?: number;
  /** Kafka `auto.create.topics.enable`. @default true */
  autoCreateTopics?: boolean;
  /** Topic defaults (Kafka `log.retention.ms`, …), field by field. @default the engine's */
  topicDefaults?: Partial<StreamConfig>;
  /** Kafka `log.retention.check.interval.ms`. @default 60000 */
  retentionCheckIntervalMs?: number;
  /** Kafka `group.min.session.timeout.ms`; tests lower it for fast failure detection. @default 6000 */
  minSessionTimeoutMs?: number;
  /** Kafka `group.max.session.timeout.ms`. @default 1800000 */
  maxSessionTimeoutMs?: number;
  /** SASL/PLAIN users (`{ name: password }`); unset = no authentication. */
  users?: Readonly<Record<string, string>>;
  /** Kafka `socket.request.max.bytes`. @default 104857600 */
  maxFrameBytes?: number;
  /** How long `close()` lets in-flight requests finish. @default 5000 */
  closeTimeoutMs?: number;
  /** @default JSON lines on stderr */
  logger?: WireLogger;
  /** Storage port (tests pass a MemoryStorage). @default the real file system */
  storage?: Storage;
}

/** A running broker. */
export interface Broker {
  /** The bound address. */
  readonly host: string;
  readonly port: number;
  /** What Metadata tells clients. */
  readonly advertised: BrokerNode;
  /** `host:port` to give clients as bootstrap server (the advertised address). */
  readonly bootstrap: string;
  readonly clusterId: string;
  readonly dataDir: string;
  readonly engine: Engine;
  readonly server: KafkaServer;
  /** Graceful stop; idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the engine on `options.dataDir` and serves it over the Kafka protocol.
 *
 * @example
 * const broker = await startBroker({ dataDir: 'var/broker', port: 0 });
 * const kafka = new Kafka({ brokers: [broker.bootstrap] });
 * // ...
 * await broker.close();
 */
export async function startBroker(options: BrokerOptions): Promise<Broker> {
  const storage = options.storage ?? new NodeStorage();
  const nodeId = options.nodeId ?? 0;
  const logger = options.logger ?? jsonLinesLogger();
  const topicDefaults: StreamConfig = { ...ENGINE_TOPIC_DEFAULTS, ...options.topicDefaults };
  const defaultPartitions = options.defaultPartitions ?? 1;
  const autoCreateTopics = options.autoCreateTopics ?? true;
  const clusterId = await loadOrCreateClusterId(storage, options.dataDir, nodeId);
  const engine = await Engine.open({
    dataDir: options.dataDir,
    storage,
    fsync: options.fsync ?? 'always',
    streamDefaults: topicDefaults,
    defaultPartitions,
    autoCreateStreams: autoCreateTopics,
    ...(options.retentionCheckIntervalMs === undefined
      ? {}
      : { retentionCheckIntervalMs: options.retentionCheckIntervalMs }),
    coordinator: {
      ...(options.minSessionTimeoutMs === undefined
        ? {}
        : { minSessionTimeoutMs: options.minSessionTimeoutMs }),
      ...(options.maxSessionTimeoutMs === undefined
        ? {}
        : { maxSessionTimeoutMs: options.maxSessionTimeoutMs }),
    },
  });

  let advertised: BrokerNode = { nodeId, host: '', port: 0 };
  const server = new KafkaServer({
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    logger,
    ...(options.users === undefined ? {} : { users: options.users }),
    ...(options.maxFrameBytes === undefined ? {} : { maxFrameBytes: options.maxFrameBytes }),
    ...(options.closeTimeoutMs === undefined ? {} : { closeTimeoutMs: options.closeTimeoutMs }),
    handlers: createEngineHandlers(engine, {
      self: () => advertised,
      clusterId,
      autoCreateTopics,
      defaultPartitions,
      topicDefaults,
      brokerConfigs: {
        'log.dirs': options.dataDir,
        'log.retention.check.interval.ms': String(options.retentionCheckIntervalMs ?? 60_000),
        'group.min.session.timeout.ms': String(options.minSessionTimeoutMs ?? 6_000),
        'group.max.session.timeout.ms': String(options.maxSessionTimeoutMs ?? 1_800_000),
        'socket.request.max.bytes': String(options.maxFrameBytes ?? DEFAULTS.maxFrameBytes),
        'sasl.enabled.mechanisms': options.users === undefined ? '' : 'PLAIN',
        'sps.fsync': fsyncText(options.fsync ?? 'always'),
      },
    }),
  });

  let bound;
  try {
    bound = await server.listen();
  } catch (error) {
    await engine.close();
    throw error;
  }
  advertised = {
    nodeId,
    host: options.advertisedHost ?? advertisableHost(bound.address),
    port: options.advertisedPort ?? bound.port,
  };
  if (options.advertisedHost === undefined && advertised.host !== bound.address) {
    logger.warn('bound to a wildcard address: advertising 127.0.0.1; set the advertised host', {
      bound: bound.address,
    });
  }
  let closing: Promise<void> | undefined;
  return {
    host: bound.address,
    port: bound.port,
    advertised,
    bootstrap: `${advertised.host}:${advertised.port}`,
    clusterId,
    dataDir: options.dataDir,
    engine,
    server,
    close: () =>
      (closing ??= (async () => {
        try {
          await server.close();
        } finally {
          await engine.close();
        }
      })()),
  };
}

/** A wildcard bind address is not something a client can connect to. */
function advertisableHost(bound: string): string {
  return bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound;
}

function fsyncText(fsync: FsyncPolicy): string {
  return typeof fsync === 'string' ? fsync : `${fsync.intervalMs}ms`;
}
