/**
 * Indexes on Kafka are offsets: dense non-negative integers (up to 2^63, of which JavaScript
 * numbers hold 2^53 — more than any partition reaches), and the offset to commit after a
 * record is `index + 1`. This file turns the client's opaque indexes back into offsets and
 * resolves where a consumer or reader starts on a partition.
 */
import {
  type PartitionId,
  type PartitionRef,
  SpsError,
  type StartPosition,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';

/** The Kafka offset of an index the client hands back. */
export function toOffset(index: StreamIndex): number {
  const n = typeof index === 'number' ? index : Number(index);
  if (!Number.isSafeInteger(n) || n < 0 || (typeof index === 'string' && index.trim() === '')) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `"${String(index)}" is not a Kafka offset`, {
      context: { index },
    });
  }
  return n;
}

/** `<partition>:<stream>`: a map key for a partition. */
export const keyOf = (ref: PartitionRef): string => `${ref.partition}:${ref.stream}`;

/** The stream of a {@link keyOf} key. */
export const streamOfKey = (key: string): StreamName => key.slice(key.indexOf(':') + 1);

/** Log start and high watermark of a partition. */
export interface Watermarks {
  low: number;
  high: number;
}

/** The offset lookups start positions need (the kafka admin provides them). */
export interface OffsetLookups {
  watermarks(stream: StreamName): Promise<Map<PartitionId, Watermarks>>;
  /** First offset at or after `time` per partition; the high watermark where none is. */
  offsetsForTime(stream: StreamName, time: number): Promise<Map<PartitionId, number>>;
}

/**
 * Where reading starts for `from` on each partition: latest = high watermark, time = first
 * record at or after it (the high watermark when none is), indexes = the given one.
 * `undefined` = the earliest record, which kafkajs finds itself (its consumers are subscribed
 * `fromBeginning`), so nothing is sought. An index outside the log is corrected on the first
 * fetch (OFFSET_OUT_OF_RANGE, reported as an index reset).
 */
export async function startOffsets(
  lookups: OffsetLookups,
  partitions: readonly PartitionRef[],
  from: StartPosition,
): Promise<Map<string, number | undefined>> {
  const out = new Map<string, number | undefined>();
  const streams = [...new Set(partitions.map((p) => p.stream))];
  const perStream = new Map<StreamName, Map<PartitionId, number>>();
  if (from === 'latest') {
    for (const s of streams) {
      const marks = await lookups.watermarks(s);
      perStream.set(s, new Map([...marks].map(([p, w]) => [p, w.high])));
    }
  } else if (from !== 'earliest' && 'time' in from) {
    for (const s of streams) perStream.set(s, await lookups.offsetsForTime(s, from.time));
  }
  for (const ref of partitions) {
    let offset: number | undefined;
    if (from === 'earliest') offset = undefined;
    else if (from === 'latest' || 'time' in from)
      offset = perStream.get(ref.stream)?.get(ref.partition);
    else {
      const given = from.indexes[ref.stream]?.[ref.partition];
      offset = given === undefined ? undefined : toOffset(given);
    }
    out.set(keyOf(ref), offset);
  }
  return out;
}
