/**
 * Where the promo counter starts reading: from its snapshot's positions with the snapshot's
 * tally, or from the start of `orders` with an empty tally (the seed: a new consumer can start
 * at any time and read the history).
 *
 * A snapshot is used only when it fits the stream as it is now. Partitions are never removed
 * and indexes only grow, so a snapshot that names a partition the stream lacks, or a position
 * beyond a partition's high watermark, belongs to another history of the stream (the broker's
 * data was reset, the service pointed at another cluster): reading on from it would skip new
 * records. Such a snapshot is ignored and the counts are rebuilt from the start.
 *
 * Positions below a partition's log start are accepted: the records in between expired (TTL)
 * before the counter read them. The reader restarts at the log start and reports an index
 * reset; those orders are not in the counts (logged, see PromoCounterService).
 */
import { type StreamDescription } from '@shopstream/sps-client';
import { type TallyState } from '../counting/promo-count.types';
import { type PromoSnapshot, toTallyState } from '../snapshot/promo-snapshot';

export type StartDecision =
  | { from: 'earliest'; reason: string }
  | {
      from: { indexes: Record<number, number> };
      state: TallyState;
      /** When the snapshot was taken. */
      takenAt: string;
    };

export function decideStart(
  snapshot: PromoSnapshot | null,
  stream: StreamDescription,
): StartDecision {
  if (snapshot === null) return { from: 'earliest', reason: 'no snapshot' };
  if (snapshot.stream !== stream.name) {
    return { from: 'earliest', reason: `the snapshot is of stream "${snapshot.stream}"` };
  }
  const partitions = new Map(stream.partitions.map((p) => [p.partition, p]));
  for (const [key, next] of Object.entries(snapshot.positions)) {
    const partition = partitions.get(Number(key));
    if (partition === undefined) {
      return {
        from: 'earliest',
        reason: `the snapshot names partition ${key}, which ${stream.name} does not have`,
      };
    }
    if (next > Number(partition.highWatermark)) {
      return {
        from: 'earliest',
        reason: `the snapshot is at index ${next} of partition ${key}, beyond its high watermark ${String(partition.highWatermark)}: another history of ${stream.name}`,
      };
    }
  }
  const state = toTallyState(snapshot);
  return { from: { indexes: state.positions }, state, takenAt: snapshot.takenAt };
}
