/**
 * Admin on Kafka, through one kafkajs admin client (connected on first use):
 *
 * - streams: CreateTopics / DeleteTopics / Metadata / ListOffsets (log start and high
 *   watermark) / DescribeConfigs (`retention.ms` = TTL, `retention.bytes`) / AlterConfigs /
 *   CreatePartitions;
 * - groups: ListGroups + DescribeGroups (state, members, assignments decoded with sps-core's
 *   consumer-protocol codec), OffsetFetch for committed indexes and lag; a reset refuses with
 *   SPS_ERR_GROUP_NOT_EMPTY while the group has members, then commits the targets as a
 *   short-lived member of the group (see {@link resetGroup});
 * - reads: a short-lived reader on the one partition (kafka-partition-read.ts);
 * - `indexForTime`: ListOffsets by timestamp.
 *
 * kafkajs keeps every topic it was asked about in the metadata requests of that client, and a
 * topic deleted since then fails them all with UNKNOWN_TOPIC_OR_PARTITION. An operation failing
 * that way is therefore tried once more on a fresh kafkajs admin before the error is believed.
 */
import {
  type DriverAdmin,
  type DriverGroupDescription,
  type DriverRecord,
  type DriverStreamDescription,
  type PartitionId,
  SpsError,
  type StartPosition,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type Admin, ConfigResourceTypes, ConfigSource, type GroupDescription } from 'kafkajs';
import { type KafkaClients } from './kafka-clients';
import { type ErrorContext, kafkaErrorType, toSpsError } from './kafka-errors';
import { type ResolvedKafkaOptions } from './kafka-options';
import {
  keyOf,
  type OffsetLookups,
  streamOfKey,
  toOffset,
  type Watermarks,
} from './kafka-positions';
import { assertEmpty, assignedPartitions, subscriptions } from './kafka-group-metadata';
import { commitAsMember } from './kafka-group-reset';
import { outOfRange, readPartition } from './kafka-partition-read';

const RETENTION_MS = 'retention.ms';
const RETENTION_BYTES = 'retention.bytes';

export class KafkaAdmin implements DriverAdmin, OffsetLookups {
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly clients: KafkaClients,
    private readonly settings: ResolvedKafkaOptions,
  ) {}

  /** Connects (the driver calls it at `connect()`, so a wrong address fails there). */
  async connect(): Promise<void> {
    await this.run(() => Promise.resolve());
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  // ---- streams ---------------------------------------------------------------------------

  async createStream(
    name: StreamName,
    options: { partitions: number; ttlMs?: number; retentionBytes?: number },
  ): Promise<void> {
    const configEntries = [
      ...(options.ttlMs === undefined
        ? []
        : [{ name: RETENTION_MS, value: String(options.ttlMs) }]),
      ...(options.retentionBytes === undefined
        ? []
        : [{ name: RETENTION_BYTES, value: String(options.retentionBytes) }]),
    ];
    const created = await this.run(
      (a) =>
        a.createTopics({
          topics: [{ topic: name, numPartitions: options.partitions, configEntries }],
          waitForLeaders: true,
        }),
      { stream: name },
    );
    if (!created) {
      throw new SpsError('SPS_ERR_STREAM_EXISTS', `stream "${name}" already exists`, {
        context: { stream: name },
      });
    }
  }

  async deleteStream(name: StreamName): Promise<void> {
    await this.partitionsOf(name);
    await this.run((a) => a.deleteTopics({ topics: [name] }), { stream: name });
  }

  async listStreams(): Promise<StreamName[]> {
    const topics = await this.run((a) => a.listTopics());
    return topics.filter((t) => !t.startsWith('__')).sort(); // internal topics (__consumer_offsets)
  }

  async describeStream(name: StreamName): Promise<DriverStreamDescription> {
    await this.partitionsOf(name);
    const [marks, configs] = await Promise.all([this.watermarks(name), this.topicConfigs(name)]);
    return {
      name,
      ttlMs: Number(configs.get(RETENTION_MS)?.configValue ?? -1),
      retentionBytes: Number(configs.get(RETENTION_BYTES)?.configValue ?? -1),
      partitions: [...marks]
        .sort(([a], [b]) => a - b)
        .map(([partition, w]) => ({ partition, logStartIndex: w.low, highWatermark: w.high })),
    };
  }

  /**
   * AlterConfigs replaces a topic's whole configuration (kafkajs has no incremental
   * AlterConfigs), so the topic's own settings are read first and sent again with the change.
   */
  async alterStream(
    name: StreamName,
    changes: { ttlMs?: number; retentionBytes?: number },
  ): Promise<void> {
    await this.partitionsOf(name);
    const kept = new Map<string, string>();
    for (const [configName, e] of await this.topicConfigs(name)) {
      const own =
        e.configSource === undefined || e.configSource === ConfigSource.UNKNOWN
          ? !e.isDefault
          : e.configSource === ConfigSource.TOPIC_CONFIG;
      if (own && !e.readOnly && !e.isSensitive) kept.set(configName, e.configValue);
    }
    if (changes.ttlMs !== undefined) kept.set(RETENTION_MS, String(changes.ttlMs));
    if (changes.retentionBytes !== undefined)
      kept.set(RETENTION_BYTES, String(changes.retentionBytes));
    await this.run(
      (a) =>
        a.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name,
              configEntries: [...kept].map(([n, value]) => ({ name: n, value })),
            },
          ],
        }),
      { stream: name },
    );
  }

  async addPartitions(name: StreamName, total: number): Promise<void> {
    const current = (await this.partitionsOf(name)).length;
    if (total < current) {
      throw new SpsError(
        'SPS_ERR_PARTITIONS_CANNOT_SHRINK',
        `stream "${name}" has ${current} partitions; partitions can be added, never removed`,
        { context: { stream: name, partitions: current, requested: total } },
      );
    }
    await this.run(
      (a) => a.createPartitions({ topicPartitions: [{ topic: name, count: total }] }),
      {
        stream: name,
      },
    );
  }

  // ---- groups ----------------------------------------------------------------------------

  async listGroups(): Promise<Array<{ group: string; state: string }>> {
    const { groups } = await this.run((a) => a.listGroups());
    if (groups.length === 0) return [];
    const described = await this.describeGroups(groups.map((g) => g.groupId));
    return described
      .map((g) => ({ group: g.groupId, state: g.state }))
      .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }

  async describeGroup(group: string): Promise<DriverGroupDescription> {
    const [described] = await this.describeGroups([group]);
    if (!described || described.state === 'Dead') {
      throw new SpsError('SPS_ERR_UNKNOWN_GROUP', `group "${group}" does not exist`, {
        context: { group },
      });
    }
    const committed = await this.committedOffsets(group);
    const subscribed = subscriptions(described);
    const streams = [...new Set([...[...committed.keys()].map(streamOfKey), ...subscribed])].sort();
    const partitions: DriverGroupDescription['partitions'] = [];
    for (const stream of streams) {
      let marks: Map<PartitionId, Watermarks>;
      try {
        marks = await this.watermarks(stream);
      } catch (error) {
        if (kafkaErrorType(error) === 'UNKNOWN_TOPIC_OR_PARTITION') continue; // deleted since
        throw error;
      }
      for (const [partition, { high }] of [...marks].sort(([a], [b]) => a - b)) {
        const index = committed.get(keyOf({ stream, partition }));
        partitions.push({
          stream,
          partition,
          committedIndex: index ?? null,
          highWatermark: high,
          lag: index === undefined ? null : Math.max(0, high - index),
        });
      }
    }
    return {
      group,
      state: described.state,
      members: described.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
        partitions: assignedPartitions(m.memberAssignment),
      })),
      partitions,
    };
  }

  /**
   * Moves the group's committed indexes on `stream`: refused while the group has members
   * (state other than Empty/Dead, as Kafka's tools), then committed by a short-lived member of
   * the group. (kafkajs' own `admin.setOffsets` does the same but waits one `maxWaitTime`,
   * 5 s, for a fetch it does not need.) Targets are real offsets, never Kafka's -1/-2
   * sentinels: earliest = log start, latest = high watermark, time = first index at or after
   * it (the high watermark when none), indexes = the given ones clamped into the log; only the
   * partitions named are reset.
   */
  async resetGroup(group: string, stream: StreamName, to: StartPosition): Promise<void> {
    const partitions = await this.partitionsOf(stream);
    const [described] = await this.describeGroups([group]);
    assertEmpty(group, described);
    const marks = await this.watermarks(stream);
    const targets = new Map<PartitionId, number>();
    if (to === 'earliest' || to === 'latest') {
      for (const [p, w] of marks) targets.set(p, to === 'earliest' ? w.low : w.high);
    } else if ('time' in to) {
      for (const [p, offset] of await this.offsetsForTime(stream, to.time)) targets.set(p, offset);
    } else {
      for (const [p, index] of Object.entries(to.indexes[stream] ?? {})) {
        const partition = Number(p);
        const w = marks.get(partition);
        if (!w || !partitions.includes(partition)) {
          throw new SpsError(
            'SPS_ERR_UNKNOWN_PARTITION',
            `stream "${stream}" has no partition ${p}`,
            {
              context: { stream, partition: p },
            },
          );
        }
        targets.set(partition, Math.min(Math.max(toOffset(index), w.low), w.high));
      }
    }
    if (targets.size === 0) return;
    await commitAsMember({
      kafka: this.clients.get(this.settings.clientId),
      settings: this.settings,
      group,
      stream,
      offsets: targets,
      othersJoined: async () => {
        const [now] = await this.describeGroups([group]);
        return (now?.members.length ?? 0) > 1;
      },
    }).catch((error: unknown) => {
      throw toSpsError(error, { group, stream });
    });
  }

  async deleteGroup(group: string): Promise<void> {
    await this.run((a) => a.deleteGroups([group]), { group });
  }

  /** Deletes a reader's own group after it stopped; failures only leave an Empty group behind. */
  async deleteGroupQuietly(group: string): Promise<void> {
    await this.deleteGroup(group).catch(() => undefined);
  }

  // ---- reads -----------------------------------------------------------------------------

  async readRange(
    stream: StreamName,
    partition: PartitionId,
    from: StreamIndex,
    limit: number,
  ): Promise<DriverRecord[]> {
    const { low, high } = await this.partitionWatermarks(stream, partition);
    const start = toOffset(from);
    if (start < low || start > high) throw outOfRange(stream, partition, start, low, high);
    if (start === high || limit <= 0) return [];
    return await this.read(stream, partition, start, high, limit);
  }

  async readBefore(
    stream: StreamName,
    partition: PartitionId,
    before: StreamIndex | null,
    limit: number,
  ): Promise<DriverRecord[]> {
    const { low, high } = await this.partitionWatermarks(stream, partition);
    const end = before === null ? high : Math.min(toOffset(before), high);
    if (end <= low || limit <= 0) return [];
    // Offsets are dense unless the log holds control records; then look further back.
    let start = Math.max(low, end - limit);
    let records = await this.read(stream, partition, start, end, Infinity);
    while (records.length < limit && start > low) {
      const earlier = Math.max(low, start - (limit - records.length));
      records = [...(await this.read(stream, partition, earlier, start, Infinity)), ...records];
      start = earlier;
    }
    return records.slice(-limit);
  }

  async indexForTime(
    stream: StreamName,
    partition: PartitionId,
    time: number,
  ): Promise<StreamIndex | null> {
    const { high } = await this.partitionWatermarks(stream, partition);
    const offset = (await this.offsetsForTime(stream, time)).get(partition);
    // kafkajs answers the high watermark where no record is at or after `time`.
    return offset === undefined || offset >= high ? null : offset;
  }

  // ---- lookups shared with consumers and readers -------------------------------------------

  /** The stream's partitions, sorted; SPS_ERR_UNKNOWN_STREAM when it does not exist. */
  async partitionsOf(stream: StreamName): Promise<PartitionId[]> {
    const { topics } = await this.run(
      (a) => a.fetchTopicMetadata({ topics: [stream] }),
      { stream },
      false, // a metadata request for the topic alone: an unknown one fails at once
    );
    const topic = topics.find((t) => t.name === stream);
    if (!topic) {
      throw new SpsError('SPS_ERR_UNKNOWN_STREAM', `stream "${stream}" does not exist`, {
        context: { stream },
      });
    }
    return topic.partitions.map((p) => p.partitionId).sort((a, b) => a - b);
  }

  async watermarks(stream: StreamName): Promise<Map<PartitionId, Watermarks>> {
    const offsets = await this.run((a) => a.fetchTopicOffsets(stream), { stream });
    return new Map(offsets.map((o) => [o.partition, { low: Number(o.low), high: Number(o.high) }]));
  }

  async offsetsForTime(stream: StreamName, time: number): Promise<Map<PartitionId, number>> {
    const offsets = await this.run((a) => a.fetchTopicOffsetsByTimestamp(stream, time), {
      stream,
    });
    return new Map(offsets.map((o) => [o.partition, Number(o.offset)]));
  }

  /** Committed offsets of `group` (of `streams`, or every stream it committed on), by partition key. */
  async committedOffsets(group: string, streams?: StreamName[]): Promise<Map<string, number>> {
    const topics = await this.run(
      (a) => a.fetchOffsets({ groupId: group, ...(streams ? { topics: streams } : {}) }),
      { group },
    );
    const out = new Map<string, number>();
    for (const { topic, partitions } of topics) {
      for (const { partition, offset } of partitions) {
        if (Number(offset) >= 0) out.set(keyOf({ stream: topic, partition }), Number(offset));
      }
    }
    return out;
  }

  // ---- internals -------------------------------------------------------------------------

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.clients.get().admin();
      await admin.connect();
      return admin;
    })();
    const admin = this.admin;
    admin.catch(() => {
      if (this.admin === admin) this.admin = undefined; // the next call connects again
    });
    return admin;
  }

  /** Runs `fn` on the kafkajs admin, errors in SPS terms (see the file comment for the retry). */
  private async run<T>(
    fn: (admin: Admin) => Promise<T>,
    context: ErrorContext = {},
    retryOnUnknownTopic = true,
  ): Promise<T> {
    try {
      return await fn(await this.connected());
    } catch (error) {
      if (!retryOnUnknownTopic || kafkaErrorType(error) !== 'UNKNOWN_TOPIC_OR_PARTITION') {
        throw toSpsError(error, context);
      }
    }
    await this.close(); // a fresh kafkajs admin forgets topics deleted since
    try {
      return await fn(await this.connected());
    } catch (error) {
      throw toSpsError(error, context);
    }
  }

  private async describeGroups(groups: string[]): Promise<GroupDescription[]> {
    return (await this.run((a) => a.describeGroups(groups), { groups })).groups;
  }

  private async topicConfigs(stream: StreamName) {
    const { resources } = await this.run(
      (a) =>
        a.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: stream }],
        }),
      { stream },
    );
    return new Map((resources[0]?.configEntries ?? []).map((e) => [e.configName, e]));
  }

  private read(
    stream: StreamName,
    partition: PartitionId,
    from: number,
    until: number,
    limit: number,
  ): Promise<DriverRecord[]> {
    const { clients, settings } = this;
    return readPartition({ clients, admin: this, settings, stream, partition, from, until, limit });
  }

  private async partitionWatermarks(
    stream: StreamName,
    partition: PartitionId,
  ): Promise<Watermarks> {
    const partitions = await this.partitionsOf(stream);
    const w = (await this.watermarks(stream)).get(partition);
    if (!partitions.includes(partition) || !w) {
      throw new SpsError(
        'SPS_ERR_UNKNOWN_PARTITION',
        `stream "${stream}" has no partition ${partition}`,
        {
          context: { stream, partition, partitions: partitions.length },
        },
      );
    }
    return w;
  }
}
