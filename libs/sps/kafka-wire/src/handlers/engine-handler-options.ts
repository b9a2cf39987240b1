/**
 * What the engine-backed handlers need besides the engine: who this broker is (Metadata and
 * FindCoordinator hand its address to clients, who then connect to it) and the broker-level
 * settings Kafka clients can observe (auto-creation, `num.partitions`, topic defaults).
 */
import { STREAM_DEFAULTS, type StreamConfig } from '@shopstream/sps-core';

/** This broker as clients must reach it. */
export interface BrokerNode {
  /** Kafka `node.id` / `broker.id`. */
  readonly nodeId: number;
  /** The advertised host: an address clients can connect to (never 'localhost', see below). */
  readonly host: string;
  readonly port: number;
}

/** Options of {@link createEngineHandlers}. */
export interface EngineHandlerOptions {
  /**
   * This broker's advertised address, read on every request, so a server bound to port 0 can
   * fill it in after `listen()`. Advertise an IPv4 address: librdkafka may resolve `localhost`
   * to `::1` (Tansu README), and clients reconnect to exactly what Metadata says.
   */
  self: () => BrokerNode;
  /** Metadata v2+ `cluster_id`: stable across restarts (startBroker persists it). */
  clusterId: string;
  /**
   * Kafka `auto.create.topics.enable`: Metadata creates unknown topics (when the request
   * allows it, v4+). Keep it equal to the engine's `autoCreateStreams`.
   * @default true
   */
  autoCreateTopics?: boolean;
  /**
   * Kafka `num.partitions`, reported by DescribeConfigs. The engine's `defaultPartitions`
   * decides what is really created; pass the same number.
   * @default 1
   */
  defaultPartitions?: number;
  /**
   * The configuration a topic gets when nothing is said (Kafka's `log.*` broker settings).
   * DescribeConfigs reports a topic value equal to it as a default, and AlterConfigs resets
   * every config it does not name to it (AlterConfigs replaces the whole set). Pass what the
   * engine was opened with as `streamDefaults`.
   * @default {@link ENGINE_TOPIC_DEFAULTS}
   */
  topicDefaults?: StreamConfig;
  /**
   * Further static broker settings to report for the broker resource in DescribeConfigs
   * (e.g. `log.dirs`, `group.min.session.timeout.ms`), by Kafka name.
   * @default {}
   */
  brokerConfigs?: Readonly<Record<string, string>>;
}

/**
 * The engine's own defaults for a new stream (sps-log `Engine.open`): Kafka's, except
 * `segment.bytes` (64 MiB instead of 1 GiB, so TTL frees disk sooner on a laptop).
 */
export const ENGINE_TOPIC_DEFAULTS: StreamConfig = {
  ttlMs: STREAM_DEFAULTS.ttlMs,
  retentionBytes: STREAM_DEFAULTS.retentionBytes,
  segmentBytes: 64 * 1024 * 1024,
  segmentMs: 7 * 24 * 60 * 60 * 1000,
  maxBatchBytes: STREAM_DEFAULTS.maxBatchBytes,
};

/** {@link EngineHandlerOptions} with every default applied. */
export interface ResolvedHandlerOptions {
  readonly self: () => BrokerNode;
  readonly clusterId: string;
  readonly autoCreateTopics: boolean;
  readonly defaultPartitions: number;
  readonly topicDefaults: StreamConfig;
  readonly brokerConfigs: Readonly<Record<string, string>>;
}

export function resolveHandlerOptions(options: EngineHandlerOptions): ResolvedHandlerOptions {
  return {
    self: options.self,
    clusterId: options.clusterId,
    autoCreateTopics: options.autoCreateTopics ?? true,
    defaultPartitions: options.defaultPartitions ?? 1,
    topicDefaults: options.topicDefaults ?? ENGINE_TOPIC_DEFAULTS,
    brokerConfigs: options.brokerConfigs ?? {},
  };
}
