/**
 * Where a validated record set goes in the active segment: whether the segment must roll
 * first, and giving its batches their indexes.
 *
 * Roll rules (Kafka's LogSegment.shouldRoll, minus index-file fullness): a non-empty active
 * segment rolls before a record set that would take it past segment.bytes, once it is
 * segment.ms old (age from its first append, by the partition's clock), or when a relative
 * index would overflow the 32-bit index entries. A record set is never split across segments.
 */
import {
  type Index,
  setBaseOffset,
  setPartitionLeaderEpoch,
  type StreamConfig,
} from '@shopstream/sps-core';
import { type ProducerStateTable } from './producer-state';
import { type ValidatedRecordSet } from './record-set';
import { type Segment } from './segment';

/** Index positions and relative indexes are 32-bit; Kafka's segment.bytes is an int too. */
const MAX_SEGMENT_BYTES = 0x7fffffff;
const MAX_RELATIVE_INDEX = 0x7fffffff;

export function shouldRoll(
  active: Segment,
  set: ValidatedRecordSet,
  config: StreamConfig,
  now: number,
): boolean {
  if (active.size === 0) return false;
  if (active.size + set.bytes > Math.min(config.segmentBytes, MAX_SEGMENT_BYTES)) return true;
  if (active.firstAppendAt !== undefined && now - active.firstAppendAt >= config.segmentMs) {
    return true;
  }
  return active.nextIndex + set.records - 1 - active.baseIndex > MAX_RELATIVE_INDEX;
}

/**
 * Gives the set's batches their indexes and leader epoch (in the log's own copy: bytes the
 * CRC does not cover), accounts for them in the segment and the producer state, and queues
 * their bytes in `chunks` for the group's write. Returns the first index.
 */
export function placeRecordSet(
  active: Segment,
  set: ValidatedRecordSet,
  leaderEpoch: number,
  now: number,
  producers: ProducerStateTable,
  chunks: Buffer[],
): Index {
  const baseIndex = active.nextIndex;
  for (const batch of set.batches) {
    const h = batch.header;
    const base = active.nextIndex;
    setBaseOffset(batch.bytes, base);
    setPartitionLeaderEpoch(batch.bytes, leaderEpoch);
    h.baseOffset = base;
    h.partitionLeaderEpoch = leaderEpoch;
    active.recordBatch(base, base + h.lastOffsetDelta, h.maxTimestamp, batch.bytes.length, now);
    producers.apply(h, base);
    chunks.push(batch.bytes);
  }
  return baseIndex;
}
