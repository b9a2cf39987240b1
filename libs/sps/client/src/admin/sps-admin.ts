/**
 * Administration in SPS terms: streams (partitions, log start, high watermark, TTL), consumer
 * groups (members, who owns which partition, committed index, lag), resets, backwards reads.
 * A thin layer over the driver's admin that adds the shapes users want and clear errors.
 */
import {
  type DriverAdmin,
  type DriverGroupDescription,
  type DriverStreamDescription,
  hasSpsCode,
  type PartitionId,
  type PartitionRef,
  SpsError,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type ReadFrom, readStart } from '../consumer/consumer-options';
import { type SpsMessage, toSpsMessage } from '../runtime/sps-message';

/** A stream: its TTL and, per partition, the first index kept and the next index to be written. */
export type StreamDescription = DriverStreamDescription;

/** A consumer group: its members with their partitions, and per partition index and lag. */
export interface GroupDescription extends DriverGroupDescription {
  /** Sum of the known lags (records not yet handled by the group). */
  totalLag: number;
  /** Which member owns each partition now, `null` when nobody does. */
  owners: Array<PartitionRef & { memberId: string | null }>;
}

export class SpsAdmin {
  constructor(private readonly driver: DriverAdmin) {}

  /**
   * @example
   * ```ts
   * await admin.createStream('orders', { partitions: 6, ttlMs: 7 * 86_400_000 });
   * ```
   */
  createStream(
    name: StreamName,
    options: { partitions: number; ttlMs?: number; retentionBytes?: number },
  ): Promise<void> {
    return this.driver.createStream(name, options);
  }

  deleteStream(name: StreamName): Promise<void> {
    return this.driver.deleteStream(name);
  }

  listStreams(): Promise<StreamName[]> {
    return this.driver.listStreams();
  }

  describeStream(name: StreamName): Promise<StreamDescription> {
    return this.driver.describeStream(name);
  }

  /** Changes how long records are kept; old records go at the backend's next retention run. */
  alterTtl(name: StreamName, ttlMs: number): Promise<void> {
    return this.driver.alterStream(name, { ttlMs });
  }

  /**
   * Grows the stream to `total` partitions. Partitions are never removed. Keys move: a key
   * whose `murmur2 % partitions` changes lands on another partition from now on.
   */
  addPartitions(name: StreamName, total: number): Promise<void> {
    return this.driver.addPartitions(name, total);
  }

  listGroups(): Promise<Array<{ group: string; state: string }>> {
    return this.driver.listGroups();
  }

  async describeGroup(group: string): Promise<GroupDescription> {
    const d = await this.driver.describeGroup(group);
    const ownerOf = new Map<string, string>();
    for (const m of d.members) {
      for (const p of m.partitions) ownerOf.set(`${p.partition}:${p.stream}`, m.memberId);
    }
    return {
      ...d,
      totalLag: d.partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
      owners: d.partitions.map(({ stream, partition }) => ({
        stream,
        partition,
        memberId: ownerOf.get(`${partition}:${stream}`) ?? null,
      })),
    };
  }

  /**
   * Moves the group's committed indexes on `stream` to the earliest record, the latest, a time
   * or given indexes. Refused (`SPS_ERR_GROUP_NOT_EMPTY`) while the group has members: a
   * running member would overwrite the reset with its next commit.
   *
   * @example
   * ```ts
   * await admin.resetGroup('mailer', 'orders', { time: new Date('2026-11-24T00:00:00Z') });
   * ```
   */
  async resetGroup(group: string, stream: StreamName, to: ReadFrom): Promise<void> {
    try {
      await this.driver.resetGroup(group, stream, readStart(stream, to));
    } catch (error) {
      if (!hasSpsCode(error, 'SPS_ERR_GROUP_NOT_EMPTY')) throw error;
      throw new SpsError(
        'SPS_ERR_GROUP_NOT_EMPTY',
        `cannot reset group "${group}" on "${stream}" while it has members: stop its consumers first`,
        { cause: error, context: { group, stream, ...error.context } },
      );
    }
  }

  /** Deletes a group without members, and its committed indexes. */
  deleteGroup(group: string): Promise<void> {
    return this.driver.deleteGroup(group);
  }

  /** Up to `limit` records of a partition from index `from` on, oldest first. */
  async read(
    stream: StreamName,
    partition: PartitionId,
    options: { from: StreamIndex; limit?: number },
  ): Promise<SpsMessage[]> {
    const records = await this.driver.readRange(
      stream,
      partition,
      options.from,
      options.limit ?? 100,
    );
    return records.map(toSpsMessage);
  }

  /**
   * The seed's "consumer that traverses a stream backwards": a partition's records from the
   * newest (or from just before `before`) to the oldest still kept.
   *
   * @example
   * ```ts
   * for await (const m of admin.readBackwards('orders', 0)) if (isTheOne(m)) break;
   * ```
   */
  async *readBackwards(
    stream: StreamName,
    partition: PartitionId,
    options: { before?: StreamIndex; pageSize?: number } = {},
  ): AsyncGenerator<SpsMessage> {
    let before: StreamIndex | null = options.before ?? null;
    for (;;) {
      const page = await this.driver.readBefore(stream, partition, before, options.pageSize ?? 100);
      if (page.length === 0) return;
      for (let i = page.length - 1; i >= 0; i--) yield toSpsMessage(page[i]!);
      before = page[0]!.index;
    }
  }
}
