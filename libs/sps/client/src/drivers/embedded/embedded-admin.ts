/**
 * Admin on the in-process engine: streams map to `Engine` calls, groups to
 * `engine.coordinator` (DescribeGroups + lag, ResetOffsets, DeleteGroups).
 */
import {
  type DriverAdmin,
  type DriverGroupDescription,
  type DriverRecord,
  type DriverStreamDescription,
  type PartitionId,
  SpsError,
  type StartFrom,
  type StartPosition,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { toEngineIndex } from './engine-index';

export class EmbeddedAdmin implements DriverAdmin {
  constructor(private readonly engine: Engine) {}

  async createStream(
    name: StreamName,
    options: { partitions: number; ttlMs?: number; retentionBytes?: number },
  ): Promise<void> {
    const config = {
      ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
      ...(options.retentionBytes === undefined ? {} : { retentionBytes: options.retentionBytes }),
    };
    await this.engine.createStream(name, { partitions: options.partitions, config });
  }

  deleteStream(name: StreamName): Promise<void> {
    return this.engine.deleteStream(name);
  }

  listStreams(): Promise<StreamName[]> {
    return Promise.resolve(this.engine.listStreams().map((s) => s.name));
  }

  describeStream(name: StreamName): Promise<DriverStreamDescription> {
    const { config } = this.engine.describeStream(name);
    return Promise.resolve({
      name,
      ttlMs: config.ttlMs,
      retentionBytes: config.retentionBytes,
      partitions: this.engine
        .describePartitions(name)
        .map(({ partition, logStartIndex, highWatermark }) => ({
          partition,
          logStartIndex,
          highWatermark,
        })),
    });
  }

  async alterStream(
    name: StreamName,
    changes: { ttlMs?: number; retentionBytes?: number },
  ): Promise<void> {
    await this.engine.alterStreamConfig(name, changes);
  }

  async addPartitions(name: StreamName, total: number): Promise<void> {
    await this.engine.addPartitions(name, total);
  }

  async listGroups(): Promise<Array<{ group: string; state: string }>> {
    return (await this.engine.coordinator.listGroups()).map((g) => ({
      group: g.groupId,
      state: g.state,
    }));
  }

  async describeGroup(group: string): Promise<DriverGroupDescription> {
    const [described] = await this.engine.coordinator.describeGroups([group]);
    if (!described || described.state === 'Dead') {
      throw new SpsError('SPS_ERR_UNKNOWN_GROUP', `group "${group}" does not exist`, {
        context: { group },
      });
    }
    const lag = await this.engine.coordinator.lag(group);
    return {
      group,
      state: described.state,
      members: described.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
        partitions: (m.assignedPartitions ?? []).flatMap(({ stream, partitions }) =>
          partitions.map((partition) => ({ stream, partition })),
        ),
      })),
      partitions: lag.map((p) => ({
        stream: p.stream,
        partition: p.partition,
        committedIndex: p.committedIndex < 0 ? null : p.committedIndex,
        highWatermark: p.highWatermark,
        lag: p.lag,
      })),
    };
  }

  async resetGroup(group: string, stream: StreamName, to: StartPosition): Promise<void> {
    await this.engine.coordinator.resetOffsets(group, stream, toStartFrom(stream, to));
  }

  async deleteGroup(group: string): Promise<void> {
    const [result] = await this.engine.coordinator.deleteGroups([group]);
    if (result?.error) throw result.error;
  }

  async readRange(
    stream: StreamName,
    partition: PartitionId,
    from: StreamIndex,
    limit: number,
  ): Promise<DriverRecord[]> {
    const out: DriverRecord[] = [];
    let index = toEngineIndex(from);
    while (out.length < limit) {
      const { records, highWatermark } = await this.engine.readRecords(stream, partition, index);
      for (const r of records) if (out.length < limit) out.push({ stream, partition, ...r });
      const last = records.at(-1);
      if (!last || last.index + 1 >= highWatermark) break;
      index = last.index + 1;
    }
    return out;
  }

  async readBefore(
    stream: StreamName,
    partition: PartitionId,
    before: StreamIndex | null,
    limit: number,
  ): Promise<DriverRecord[]> {
    const newestFirst: DriverRecord[] = [];
    const options = before === null ? {} : { before: toEngineIndex(before) };
    for await (const r of this.engine.readBackwards(stream, partition, options)) {
      newestFirst.push({ stream, partition, ...r });
      if (newestFirst.length >= limit) break;
    }
    return newestFirst.reverse();
  }

  async indexForTime(
    stream: StreamName,
    partition: PartitionId,
    time: number,
  ): Promise<StreamIndex | null> {
    return (await this.engine.indexForTimestamp(stream, partition, time))?.index ?? null;
  }
}

/** The coordinator's reset target for one stream. */
function toStartFrom(stream: StreamName, to: StartPosition): StartFrom {
  if (to === 'earliest') return { kind: 'earliest' };
  if (to === 'latest') return { kind: 'latest' };
  if ('time' in to) return { kind: 'time', timestamp: to.time };
  const indexes = to.indexes[stream] ?? {};
  return {
    kind: 'index',
    indexes: Object.fromEntries(
      Object.entries(indexes).map(([p, i]) => [Number(p), toEngineIndex(i)]),
    ),
  };
}
