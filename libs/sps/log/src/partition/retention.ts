/**
 * Which segments retention and DeleteRecords delete. Deletion is by whole segments, oldest
 * first, a prefix of the log (Kafka's UnifiedLog.deletableSegments): the walk stops at the
 * first segment the rule keeps.
 *
 * - TTL: a segment goes when its largest timestamp is older than now - ttlMs.
 * - Size: oldest segments go while the partition would still be at or above retentionBytes
 *   without them (`excess - segment.size >= 0`, as Kafka computes it).
 * - Log start: a segment goes when the next one starts at or below the log start (after a
 *   DeleteRecords).
 * The active (last) segment is a candidate only for TTL and size and only when not empty;
 * the caller rolls it before deleting it, so an idle partition can empty.
 */
import { type Index } from '@shopstream/sps-core';
import { type Segment } from './segment';

export type SegmentRule = (segment: Segment, next: Segment | undefined) => boolean;

/** How many segments from the oldest the rule deletes. */
export function deletablePrefix(
  segments: readonly Segment[],
  rule: SegmentRule,
  activeToo: boolean,
): number {
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const next = segments[i + 1];
    if (next === undefined && (segment.size === 0 || !activeToo)) break;
    if (!rule(segment, next)) break;
    count++;
  }
  return count;
}

export function pastTtl(now: number, ttlMs: number): SegmentRule {
  return (segment) => segment.maxTimestamp < now - ttlMs;
}

/** Stateful: each segment it accepts counts against the excess. */
export function overRetentionBytes(sizeBytes: number, retentionBytes: number): SegmentRule {
  let excess = sizeBytes - retentionBytes;
  return (segment) => {
    if (excess - segment.size < 0) return false;
    excess -= segment.size;
    return true;
  };
}

export function belowLogStart(logStartIndex: Index): SegmentRule {
  return (_segment, next) => next !== undefined && next.baseIndex <= logStartIndex;
}
