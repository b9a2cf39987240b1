/**
 * The errors a partition log raises, built in one place so their messages and context
 * fields stay the same everywhere (callers branch on `code` and read `context`).
 */
import { type Index, SpsError } from '@shopstream/sps-core';

export function indexOutOfRange(
  partition: string,
  index: Index,
  logStartIndex: Index,
  highWatermark: Index,
): SpsError {
  const where =
    index < logStartIndex
      ? `below the log start index ${logStartIndex}`
      : `above the high watermark ${highWatermark}`;
  return new SpsError('SPS_ERR_INDEX_OUT_OF_RANGE', `index ${index} of ${partition} is ${where}`, {
    context: { partition, index, logStartIndex, highWatermark },
  });
}

/** The partition's terminal state: `reason` says what failed, in words a person can act on. */
export function partitionFailed(
  partition: string,
  reason: string,
  context: Record<string, unknown> = {},
  cause?: unknown,
): SpsError {
  return new SpsError('SPS_ERR_PARTITION_FAILED', `partition ${partition} failed: ${reason}`, {
    cause,
    context: { ...context, partition, reason },
  });
}

export function partitionClosed(partition: string): SpsError {
  return new SpsError('SPS_ERR_ENGINE_CLOSED', `partition ${partition} is closed`, {
    context: { partition },
  });
}

/**
 * Internal: a reader found the segment it was reading deleted by retention or DeleteRecords
 * meanwhile. Never escapes the log; the read retries with a fresh view.
 */
export class SegmentGoneError extends Error {
  override readonly name = 'SegmentGoneError';
}
