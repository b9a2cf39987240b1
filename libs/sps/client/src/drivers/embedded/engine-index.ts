/**
 * Indexes on the embedded engine are Kafka offsets: dense non-negative integers, and the index
 * to commit after a record is `index + 1`. The client runtime treats them as opaque; this file
 * is where the embedded driver turns them back into numbers and resolves start positions.
 */
import {
  SpsError,
  type PartitionId,
  type StartPosition,
  type StreamIndex,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';

/** The engine's number for an index the client hands back. */
export function toEngineIndex(index: StreamIndex): number {
  const n = typeof index === 'number' ? index : Number(index);
  if (!Number.isSafeInteger(n) || n < 0 || (typeof index === 'string' && index.trim() === '')) {
    throw new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `"${String(index)}" is not an index of the SPS engine`,
      {
        context: { index },
      },
    );
  }
  return n;
}

/**
 * Where reading starts for `from` on one partition: earliest = log start, latest = high
 * watermark, time = first record at or after it (the high watermark when none is), indexes =
 * the given one (partitions not named: earliest). An index outside the log is corrected by the
 * fetch loop, which reports it.
 */
export async function startIndex(
  engine: Engine,
  stream: string,
  partition: PartitionId,
  from: StartPosition,
): Promise<number> {
  const { logStartIndex, highWatermark } = engine.watermarks(stream, partition);
  if (from === 'earliest') return logStartIndex;
  if (from === 'latest') return highWatermark;
  if ('time' in from) {
    return (await engine.indexForTimestamp(stream, partition, from.time))?.index ?? highWatermark;
  }
  const given = from.indexes[stream]?.[partition];
  return given === undefined ? logStartIndex : toEngineIndex(given);
}
