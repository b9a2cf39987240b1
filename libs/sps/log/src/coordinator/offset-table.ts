/**
 * The committed indexes in memory: group → stream → partition → commit. Owned by the
 * OffsetStore, which applies an operation only once it is durable, so what this table holds
 * is exactly what survives a crash.
 */

/** One committed index, as OffsetFetch returns it. */
export interface CommittedOffset {
  index: number;
  leaderEpoch: number;
  /** Kafka's `committed_metadata`; `''` when the client sent null (as Kafka stores it). */
  metadata: string;
  /** When it was committed (ms): offset retention counts from here. */
  commitTimestamp: number;
}

/** A change to the table, and the unit of the durable log. */
export type OffsetOp =
  | { kind: 'commit'; groupId: string; stream: string; partition: number; offset: CommittedOffset }
  | { kind: 'delete'; groupId: string; stream: string; partition: number };

export interface OffsetRow {
  groupId: string;
  stream: string;
  partition: number;
  offset: CommittedOffset;
}

export class OffsetTable {
  private readonly groups = new Map<string, Map<string, Map<number, CommittedOffset>>>();

  apply(op: OffsetOp): void {
    if (op.kind === 'commit') {
      let streams = this.groups.get(op.groupId);
      if (!streams) {
        streams = new Map<string, Map<number, CommittedOffset>>();
        this.groups.set(op.groupId, streams);
      }
      let partitions = streams.get(op.stream);
      if (!partitions) {
        partitions = new Map<number, CommittedOffset>();
        streams.set(op.stream, partitions);
      }
      partitions.set(op.partition, op.offset);
      return;
    }
    const streams = this.groups.get(op.groupId);
    const partitions = streams?.get(op.stream);
    if (!streams || !partitions) return;
    partitions.delete(op.partition);
    if (partitions.size === 0) streams.delete(op.stream);
    if (streams.size === 0) this.groups.delete(op.groupId);
  }

  get(groupId: string, stream: string, partition: number): CommittedOffset | undefined {
    return this.groups.get(groupId)?.get(stream)?.get(partition);
  }

  hasGroup(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /** Every row, or one group's, ordered by stream then partition. */
  rows(groupId?: string): OffsetRow[] {
    const ids = groupId === undefined ? this.groupIds() : [groupId];
    const out: OffsetRow[] = [];
    for (const id of ids) {
      const streams = this.groups.get(id);
      if (!streams) continue;
      const byStream = [...streams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [stream, partitions] of byStream) {
        const byPartition = [...partitions].sort(([a], [b]) => a - b);
        for (const [partition, offset] of byPartition)
          out.push({ groupId: id, stream, partition, offset });
      }
    }
    return out;
  }
}

/** The tombstone of a row. */
export function tombstone(row: { groupId: string; stream: string; partition: number }): OffsetOp {
  return { kind: 'delete', groupId: row.groupId, stream: row.stream, partition: row.partition };
}
