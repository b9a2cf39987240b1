/**
 * The fetch loop of one partition, shared by group members and readers: long-polls
 * `engine.fetch` (aborted by the signal), hands each non-empty batch to `onBatch` and fetches
 * the next one only after it resolved — so a partition's records are delivered strictly in
 * order, one batch at a time, while other partitions' loops run concurrently.
 *
 * Records removed under the reader (TTL, size limit, DeleteRecords) answer
 * SPS_ERR_INDEX_OUT_OF_RANGE: the loop restarts at the log start (at the high watermark if it
 * asked beyond it) and reports it through `onIndexReset`. Other errors are reported and retried
 * with a growing pause; a closed engine ends the loop.
 */
import {
  type DriverConsumerListener,
  type DriverRecord,
  decodeRecords,
  hasSpsCode,
  isControlBatch,
  lastIndexOf,
  readBatchHeader,
  splitBatches,
  type PartitionId,
  type StreamName,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { sleep } from '../../support/async';

const MAX_FETCH_BYTES = 1024 * 1024;

export interface FetchLoopOptions {
  engine: Engine;
  stream: StreamName;
  partition: PartitionId;
  /** The first index to read. */
  index: number;
  maxWaitMs: number;
  /** Aborted when the partition is revoked or the consumer stops. */
  signal: AbortSignal;
  isStale(): boolean;
  listener: Pick<DriverConsumerListener, 'onBatch' | 'onError' | 'onIndexReset'>;
}

export async function runFetchLoop(o: FetchLoopOptions): Promise<void> {
  const { engine, stream, partition, signal } = o;
  let index = o.index;
  let failures = 0;
  while (!signal.aborted && !o.isStale()) {
    const [result] = await engine.fetch([{ stream, partition, index, maxBytes: MAX_FETCH_BYTES }], {
      maxWaitMs: o.maxWaitMs,
      signal,
    });
    if (signal.aborted || o.isStale() || !result) return;
    if (result.error) {
      if (hasSpsCode(result.error, 'SPS_ERR_ENGINE_CLOSED')) return;
      if (hasSpsCode(result.error, 'SPS_ERR_INDEX_OUT_OF_RANGE') && result.logStartIndex >= 0) {
        const restartedAt =
          index < result.logStartIndex ? result.logStartIndex : result.highWatermark;
        o.listener.onIndexReset?.({ stream, partition, requested: index, restartedAt });
        index = restartedAt;
        continue;
      }
      o.listener.onError?.(result.error);
      await sleep(Math.min(100 * 2 ** failures++, 5_000), signal);
      continue;
    }
    failures = 0;
    const { records, next } = decode(result.records, stream, partition, index);
    if (records.length > 0) {
      await o.listener.onBatch({
        stream,
        partition,
        records,
        highWatermark: result.highWatermark,
        heartbeat: () => Promise.resolve(), // the member's heartbeat timer runs on its own
        isStale: () => o.isStale(),
        signal,
      });
    }
    index = next;
  }
}

/** The records at or after `from` in fetched batches, and the index after the last batch. */
function decode(
  bytes: Buffer,
  stream: StreamName,
  partition: PartitionId,
  from: number,
): { records: DriverRecord[]; next: number } {
  const records: DriverRecord[] = [];
  let next = from;
  for (const batch of splitBatches(bytes).batches) {
    const header = readBatchHeader(batch);
    next = Math.max(next, lastIndexOf(header) + 1);
    if (isControlBatch(header)) continue; // transaction markers carry no records
    for (const r of decodeRecords(batch)) {
      if (r.index >= from) records.push({ stream, partition, ...r });
    }
  }
  return { records, next };
}
