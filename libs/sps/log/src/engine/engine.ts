/**
 * The SPS engine: streams of partition logs, the consumer-group coordinator and producer ids,
 * on one data directory. Its operations map 1:1 onto Kafka's (KAFKA-WIRE.md §4), so the wire
 * server is a thin translation, and the SPS client's `embedded` driver calls it directly.
 *
 * Data directory:
 * ```
 * <dataDir>/streams.json            stream catalogue (stream-registry.ts)
 * <dataDir>/producer-ids.json       producer id blocks (producer-ids.ts)
 * <dataDir>/streams/<name>/<p>/     one partition log each (partition/)
 * <dataDir>/coordinator/            committed indexes (coordinator/)
 * ```
 * Concurrency: stream-level changes (create, delete, add partitions, alter config) run one at
 * a time on the engine's admin queue; each partition log and each group owns its own queue.
 */
import {
  type Index,
  type PartitionId,
  type PartitionWatermarks,
  type RecordInput,
  SpsError,
  STREAM_DEFAULTS,
  type StoredRecord,
  type StreamConfig,
  type StreamName,
  Compression,
  decodeRecords,
  encodeRecordBatch,
  isSpsError,
  partitionForKey,
  splitBatches,
} from '@shopstream/sps-core';
import { type Clock, systemClock } from '../clock';
import { GroupCoordinator, type GroupCoordinatorOptions } from '../coordinator/group-coordinator';
import { PartitionLog } from '../partition/partition-log';
import { SerialQueue } from '../serial-queue';
import { NodeStorage } from '../storage/node-storage';
import { joinPath, type Storage } from '../storage/storage';
import {
  type AppendResult,
  type FetchOptions,
  type FetchPartitionResult,
  type FetchRequestPartition,
  type FsyncPolicy,
  type PartitionInfo,
  type ProduceResult,
  type StreamInfo,
} from '../types';
import { AppendSignal } from './append-signal';
import { ProducerIdAllocator } from './producer-ids';
import {
  assertPartitionCount,
  assertStreamConfig,
  assertStreamName,
  StreamRegistry,
} from './stream-registry';

export interface EngineOptions {
  /** Where everything is stored. */
  dataDir: string;
  /** @default NodeStorage (the real file system) */
  storage?: Storage;
  /** @default the system clock */
  clock?: Clock;
  /** @default 'always' */
  fsync?: FsyncPolicy;
  /** Configuration of new streams, field by field. @default Kafka's broker defaults */
  streamDefaults?: Partial<StreamConfig>;
  /** Partitions of a stream created without a count (auto-created ones too). @default 1 */
  defaultPartitions?: number;
  /** Create a stream on first use (metadata request, produce), as Kafka does. @default true */
  autoCreateStreams?: boolean;
  /** How often TTL and size limits are enforced. @default 60000 */
  retentionCheckIntervalMs?: number;
  /** Coordinator settings (session timeout bounds, initial rebalance delay). */
  coordinator?: Pick<
    GroupCoordinatorOptions,
    'minSessionTimeoutMs' | 'maxSessionTimeoutMs' | 'initialRebalanceDelayMs' | 'offsetsRetentionMs'
  >;
}

/** Default segment size: smaller than Kafka's 1 GiB, so TTL frees disk sooner on a laptop. */
const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
const DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024;

export class Engine {
  private readonly logs = new Map<StreamName, PartitionLog[]>();
  private readonly admin = new SerialQueue();
  private readonly keylessCounters = new Map<StreamName, number>();
  private cancelRetentionTimer: (() => void) | undefined;
  private closed = false;

  private constructor(
    private readonly options: Required<Omit<EngineOptions, 'coordinator' | 'streamDefaults'>> & {
      streamDefaults: StreamConfig;
    },
    private readonly registry: StreamRegistry,
    private readonly producerIds: ProducerIdAllocator,
    readonly coordinator: GroupCoordinator,
  ) {}

  /** Opens (creating or recovering) the engine on `options.dataDir`. */
  static async open(options: EngineOptions): Promise<Engine> {
    const storage = options.storage ?? new NodeStorage();
    const clock = options.clock ?? systemClock;
    const streamDefaults: StreamConfig = {
      ttlMs: STREAM_DEFAULTS.ttlMs,
      retentionBytes: STREAM_DEFAULTS.retentionBytes,
      segmentBytes: DEFAULT_SEGMENT_BYTES,
      segmentMs: 7 * 24 * 60 * 60 * 1000,
      maxBatchBytes: STREAM_DEFAULTS.maxBatchBytes,
      ...options.streamDefaults,
    };
    assertStreamConfig(streamDefaults);
    const resolved = {
      dataDir: options.dataDir,
      storage,
      clock,
      fsync: options.fsync ?? 'always',
      streamDefaults,
      defaultPartitions: options.defaultPartitions ?? 1,
      autoCreateStreams: options.autoCreateStreams ?? true,
      retentionCheckIntervalMs: options.retentionCheckIntervalMs ?? 60_000,
    };
    assertPartitionCount(resolved.defaultPartitions, '(default)');
    await storage.mkdirp(joinPath(options.dataDir, 'streams'));
    const registry = await StreamRegistry.open(storage, options.dataDir);
    const producerIds = await ProducerIdAllocator.open(storage, options.dataDir);

    const holder: { engine?: Engine } = {};
    const coordinator = await GroupCoordinator.open({
      dir: joinPath(options.dataDir, 'coordinator'),
      storage,
      clock,
      ...options.coordinator,
      logView: {
        partitionCount: (stream) => holder.engine?.registry.get(stream)?.partitions,
        watermarks: (stream, partition) => holder.engine?.tryWatermarks(stream, partition),
        indexForTimestamp: async (stream, partition, timestamp) =>
          (await holder.engine?.indexForTimestamp(stream, partition, timestamp))?.index,
      },
    });
    const engine = new Engine(resolved, registry, producerIds, coordinator);
    holder.engine = engine;
    try {
      for (const stream of registry.list()) {
        const logs: PartitionLog[] = [];
        for (let p = 0; p < stream.partitions; p++)
          logs.push(await engine.openLog(stream.name, p, stream.config));
        engine.logs.set(stream.name, logs);
      }
    } catch (error) {
      await engine.close();
      throw error;
    }
    engine.scheduleRetention();
    return engine;
  }

  // ---------------------------------------------------------------- streams

  /** Creates a stream. SPS_ERR_STREAM_EXISTS if it exists; names and counts are validated. */
  createStream(
    name: StreamName,
    options: { partitions?: number; config?: Partial<StreamConfig> } = {},
  ): Promise<StreamInfo> {
    return this.admin.run(() => this.createStreamNow(name, options));
  }

  private async createStreamNow(
    name: StreamName,
    options: { partitions?: number; config?: Partial<StreamConfig> },
  ): Promise<StreamInfo> {
    this.assertOpen();
    assertStreamName(name);
    const partitions = options.partitions ?? this.options.defaultPartitions;
    assertPartitionCount(partitions, name);
    if (options.config) assertStreamConfig(options.config);
    if (this.registry.get(name)) {
      throw new SpsError('SPS_ERR_STREAM_EXISTS', `stream "${name}" already exists`, {
        context: { stream: name },
      });
    }
    const config = { ...this.options.streamDefaults, ...options.config };
    // Partition directories first, then the catalogue entry: a crash in between leaves
    // orphan directories that the next create of the same name reuses, never a stream
    // without its logs.
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p++) logs.push(await this.openLog(name, p, config));
    await this.registry.put({
      name,
      partitions,
      config,
      internal: false,
      createdAt: this.options.clock.now(),
    });
    this.logs.set(name, logs);
    return this.describeStream(name);
  }

  /** The stream, created with the defaults when auto-creation is on (Kafka's Metadata behaviour). */
  async ensureStream(name: StreamName): Promise<StreamInfo> {
    const existing = this.registry.get(name);
    if (existing) return this.describeStream(name);
    if (!this.options.autoCreateStreams) this.registry.require(name);
    return this.admin.run(async () =>
      this.registry.get(name) ? this.describeStream(name) : this.createStreamNow(name, {}),
    );
  }

  /** Deletes a stream, its records and every group's committed indexes for it. */
  deleteStream(name: StreamName): Promise<void> {
    return this.admin.run(async () => {
      this.assertOpen();
      this.registry.require(name);
      const logs = this.logs.get(name) ?? [];
      this.logs.delete(name);
      await this.registry.remove(name);
      await Promise.all(logs.map((log) => log.close()));
      await this.options.storage.removeDir(this.streamDir(name));
      await this.coordinator.deleteStreamOffsets(name);
    });
  }

  listStreams(): StreamInfo[] {
    return this.registry.list().map((s) => this.describeStream(s.name));
  }

  describeStream(name: StreamName): StreamInfo {
    const s = this.registry.require(name);
    return {
      name: s.name,
      partitions: s.partitions,
      config: { ...s.config },
      internal: s.internal,
    };
  }

  /** Per-partition log start, high watermark and failure, in partition order. */
  describePartitions(name: StreamName): PartitionInfo[] {
    return this.requireLogs(name).map((log, partition) => ({
      partition,
      logStartIndex: log.logStartIndex,
      highWatermark: log.highWatermark,
      sizeBytes: log.sizeBytes,
      ...(log.failure ? { failure: log.failure.message } : {}),
    }));
  }

  /** Changes some of a stream's settings; applies at once (retention at its next run). */
  alterStreamConfig(name: StreamName, changes: Partial<StreamConfig>): Promise<StreamInfo> {
    return this.admin.run(async () => {
      this.assertOpen();
      assertStreamConfig(changes);
      const stream = this.registry.require(name);
      const config = { ...stream.config, ...changes };
      await this.registry.put({ ...stream, config });
      for (const log of this.requireLogs(name)) log.setConfig(config);
      return this.describeStream(name);
    });
  }

  /** Grows a stream to `total` partitions. Keys move to new partitions; fewer is refused. */
  addPartitions(name: StreamName, total: number): Promise<StreamInfo> {
    return this.admin.run(async () => {
      this.assertOpen();
      const stream = this.registry.require(name);
      assertPartitionCount(total, name);
      if (total <= stream.partitions) {
        throw new SpsError(
          total < stream.partitions
            ? 'SPS_ERR_PARTITIONS_CANNOT_SHRINK'
            : 'SPS_ERR_INVALID_PARTITIONS',
          total < stream.partitions
            ? `stream "${name}" has ${stream.partitions} partitions; partitions can be added, never removed`
            : `stream "${name}" already has ${total} partitions`,
          { context: { stream: name, current: stream.partitions, requested: total } },
        );
      }
      const logs = this.requireLogs(name);
      for (let p = stream.partitions; p < total; p++)
        logs.push(await this.openLog(name, p, stream.config));
      await this.registry.put({ ...stream, partitions: total });
      return this.describeStream(name);
    });
  }

  /** DeleteRecords: records below `index` become unreadable (-1 = up to the high watermark). */
  deleteRecords(name: StreamName, partition: PartitionId, index: Index): Promise<Index> {
    return this.log(name, partition).deleteRecordsBefore(index);
  }

  // ---------------------------------------------------------------- produce

  /**
   * Appends a client record set (one or more v2 batches, as in a Kafka Produce request) as
   * it is; resolves once durable per the fsync policy. Used by the wire server and by
   * clients that build their own batches (idempotent producers).
   */
  append(name: StreamName, partition: PartitionId, recordSet: Buffer): Promise<AppendResult> {
    return this.log(name, partition).append(recordSet);
  }

  /**
   * Appends records: a keyed record goes to `murmur2(key) % partitions` (as Kafka's Java
   * client and kafkajs place it); keyless records of one call stay together on one partition,
   * which moves on with every call (Kafka's sticky partitioner). `partition` overrides both.
   */
  async produce(
    name: StreamName,
    records: RecordInput[],
    options: { partition?: PartitionId; compression?: Compression } = {},
  ): Promise<ProduceResult[]> {
    const stream = await this.ensureStream(name);
    const sticky = this.nextKeyless(name, stream.partitions);
    const byPartition = new Map<PartitionId, number[]>();
    records.forEach((record, i) => {
      const partition =
        options.partition ?? (record.key ? partitionForKey(record.key, stream.partitions) : sticky);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), i]);
    });
    const results: ProduceResult[] = new Array<ProduceResult>(records.length);
    await Promise.all(
      [...byPartition].map(async ([partition, positions]) => {
        const batch = encodeRecordBatch(
          positions.map((i) => records[i]!),
          { compression: options.compression ?? Compression.None, now: this.options.clock.now() },
        );
        const { baseIndex } = await this.append(name, partition, batch);
        positions.forEach((recordPosition, k) => {
          results[recordPosition] = { stream: name, partition, index: baseIndex + k };
        });
      }),
    );
    return results;
  }

  private nextKeyless(name: StreamName, partitions: number): PartitionId {
    const n = this.keylessCounters.get(name) ?? Math.floor(Math.random() * partitions);
    this.keylessCounters.set(name, n + 1);
    return n % partitions;
  }

  /** A new idempotent producer id (Kafka's InitProducerId without a transactional id). */
  initProducerId(): Promise<{ producerId: number; producerEpoch: number }> {
    this.assertOpen();
    return this.producerIds.allocate();
  }

  // ---------------------------------------------------------------- read

  /**
   * Kafka's Fetch: reads every requested partition; when fewer than `minBytes` are there,
   * waits up to `maxWaitMs` for appends. Partition errors (unknown, out of range, failed)
   * are returned per partition and answer at once, as Kafka does.
   */
  async fetch(
    requests: FetchRequestPartition[],
    options: FetchOptions = {},
  ): Promise<FetchPartitionResult[]> {
    const maxWaitMs = options.maxWaitMs ?? 0;
    const minBytes = options.minBytes ?? 1;
    const deadline = this.options.clock.now() + maxWaitMs;
    const signal = new AppendSignal(
      requests.flatMap((r) => {
        const log = this.logs.get(r.stream)?.[r.partition];
        return log ? [(listener: () => void) => log.onAppend(listener)] : [];
      }),
    );
    try {
      for (;;) {
        const results = await this.readOnce(requests, options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES);
        const bytes = results.reduce((sum, r) => sum + r.records.length, 0);
        const remaining = deadline - this.options.clock.now();
        if (
          bytes >= minBytes ||
          results.some((r) => r.error) ||
          remaining <= 0 ||
          options.signal?.aborted ||
          this.closed
        ) {
          return results;
        }
        await signal.wait(this.options.clock, remaining, options.signal);
      }
    } finally {
      signal.close();
    }
  }

  private async readOnce(
    requests: FetchRequestPartition[],
    maxBytes: number,
  ): Promise<FetchPartitionResult[]> {
    const results: FetchPartitionResult[] = [];
    let used = 0;
    for (const r of requests) {
      const empty = { stream: r.stream, partition: r.partition, records: Buffer.alloc(0) };
      try {
        const log = this.log(r.stream, r.partition);
        const budget = Math.min(r.maxBytes, maxBytes - used);
        if (budget <= 0 && used > 0) {
          results.push({
            ...empty,
            highWatermark: log.highWatermark,
            logStartIndex: log.logStartIndex,
          });
          continue;
        }
        // KIP-74: the first non-empty partition returns at least one whole batch.
        const read = await log.read(r.index, Math.max(budget, 1));
        used += read.records.length;
        results.push({ stream: r.stream, partition: r.partition, ...read });
      } catch (error) {
        const log = this.logs.get(r.stream)?.[r.partition];
        results.push({
          ...empty,
          highWatermark: log?.highWatermark ?? -1,
          logStartIndex: log?.logStartIndex ?? -1,
          error: toSpsError(error),
        });
      }
    }
    return results;
  }

  /**
   * Records from `index` on (at most about `maxBytes` of batches), decoded; waits up to
   * `maxWaitMs` when there are none yet.
   */
  async readRecords(
    name: StreamName,
    partition: PartitionId,
    index: Index,
    options: { maxBytes?: number; maxWaitMs?: number; signal?: AbortSignal } = {},
  ): Promise<{ records: StoredRecord[]; highWatermark: Index; logStartIndex: Index }> {
    const [result] = await this.fetch(
      [{ stream: name, partition, index, maxBytes: options.maxBytes ?? 1024 * 1024 }],
      {
        maxWaitMs: options.maxWaitMs ?? 0,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    if (result!.error) throw result!.error;
    const floor = Math.max(index, result!.logStartIndex);
    return {
      records: decodeBatches(result!.records).filter((r) => r.index >= floor),
      highWatermark: result!.highWatermark,
      logStartIndex: result!.logStartIndex,
    };
  }

  /**
   * The seed's "consumer that traverses a stream backwards": the partition's records from
   * newest to oldest, starting below `before` (default: the high watermark).
   */
  async *readBackwards(
    name: StreamName,
    partition: PartitionId,
    options: { before?: Index; maxBytes?: number } = {},
  ): AsyncGenerator<StoredRecord> {
    const log = this.log(name, partition);
    let before = Math.min(options.before ?? log.highWatermark, log.highWatermark);
    if (before > log.logStartIndex) {
      // `readBefore` returns whole batches that end before `before`; when `before` falls inside
      // a batch, that batch's older records come from a forward read of the batch itself.
      const { records, logStartIndex } = await log.read(before - 1, 1);
      const decoded = decodeBatches(records).filter(
        (r) => r.index < before && r.index >= logStartIndex,
      );
      for (let i = decoded.length - 1; i >= 0; i--) yield decoded[i]!;
      if (decoded.length > 0) before = decoded[0]!.index;
    }
    while (before > log.logStartIndex) {
      const { records, logStartIndex } = await log.readBefore(
        before,
        options.maxBytes ?? 1024 * 1024,
      );
      const decoded = decodeBatches(records).filter(
        (r) => r.index < before && r.index >= logStartIndex,
      );
      if (decoded.length === 0) return;
      for (let i = decoded.length - 1; i >= 0; i--) yield decoded[i]!;
      before = decoded[0]!.index;
    }
  }

  /** The first index whose timestamp is at or after `timestamp`, or null when none is. */
  indexForTimestamp(
    name: StreamName,
    partition: PartitionId,
    timestamp: number,
  ): Promise<{ index: Index; timestamp: number } | null> {
    return this.log(name, partition).indexForTimestamp(timestamp);
  }

  /** Log start index (earliest) and high watermark (latest) of a partition. */
  watermarks(name: StreamName, partition: PartitionId): PartitionWatermarks {
    const log = this.log(name, partition);
    return { logStartIndex: log.logStartIndex, highWatermark: log.highWatermark };
  }

  private tryWatermarks(name: StreamName, partition: PartitionId): PartitionWatermarks | undefined {
    const log = this.logs.get(name)?.[partition];
    return log ? { logStartIndex: log.logStartIndex, highWatermark: log.highWatermark } : undefined;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Runs retention now on every partition (the background task does it periodically). */
  async enforceRetention(): Promise<number> {
    let deleted = 0;
    for (const logs of this.logs.values()) {
      for (const log of logs) {
        if (!log.failure) deleted += await log.enforceRetention();
      }
    }
    return deleted;
  }

  private scheduleRetention(): void {
    this.cancelRetentionTimer = this.options.clock.setTimer(
      this.options.retentionCheckIntervalMs,
      () => {
        void this.enforceRetention()
          .catch(() => undefined) // a failed partition reports through its own failure state
          .finally(() => {
            if (!this.closed) this.scheduleRetention();
          });
      },
    );
  }

  /** Clean shutdown: finishes in-flight appends, syncs, writes indexes and the clean markers. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelRetentionTimer?.();
    await this.admin.drain();
    await this.coordinator.close();
    await Promise.all([...this.logs.values()].flat().map((log) => log.close()));
    this.logs.clear();
  }

  // ---------------------------------------------------------------- helpers

  private streamDir(name: StreamName): string {
    return joinPath(this.options.dataDir, 'streams', name);
  }

  private openLog(
    name: StreamName,
    partition: PartitionId,
    config: StreamConfig,
  ): Promise<PartitionLog> {
    return PartitionLog.open({
      dir: joinPath(this.streamDir(name), String(partition)),
      name: `${name}-${partition}`,
      storage: this.options.storage,
      clock: this.options.clock,
      config,
      fsync: this.options.fsync,
    });
  }

  private requireLogs(name: StreamName): PartitionLog[] {
    this.assertOpen();
    this.registry.require(name);
    return this.logs.get(name)!;
  }

  private log(name: StreamName, partition: PartitionId): PartitionLog {
    const logs = this.requireLogs(name);
    const log = logs[partition];
    if (!log) {
      throw new SpsError(
        'SPS_ERR_UNKNOWN_PARTITION',
        `stream "${name}" has ${logs.length} partitions; there is no partition ${partition}`,
        { context: { stream: name, partition, partitions: logs.length } },
      );
    }
    return log;
  }

  private assertOpen(): void {
    if (this.closed) throw new SpsError('SPS_ERR_ENGINE_CLOSED', 'the engine is closed');
  }
}

function decodeBatches(records: Buffer): StoredRecord[] {
  return splitBatches(records).batches.flatMap((batch) => decodeRecords(batch));
}

function toSpsError(error: unknown): SpsError {
  if (isSpsError(error)) return error;
  return new SpsError('SPS_ERR_STORAGE', error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
