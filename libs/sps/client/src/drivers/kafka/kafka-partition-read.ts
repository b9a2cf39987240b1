/**
 * Reading a range of one partition for admin (`read`, `readBackwards`): kafkajs has no fetch
 * outside a consumer, so a short-lived reader (kafka-reader.ts: a group of its own, assigned
 * exactly this partition, sought to `from`) collects records until its position reaches
 * `until` or it has `limit` of them, then stops and deletes its group. Tens of milliseconds on
 * a local broker; bounded by the driver's `requestTimeoutMs`.
 */
import {
  type DriverReaderOptions,
  type DriverRecord,
  type PartitionId,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { Deferred } from '../../support/async';
import { type KafkaAdmin } from './kafka-admin';
import { type KafkaClients } from './kafka-clients';
import { type ResolvedKafkaOptions } from './kafka-options';
import { KafkaReader } from './kafka-reader';

export interface PartitionRead {
  clients: KafkaClients;
  admin: KafkaAdmin;
  settings: ResolvedKafkaOptions;
  stream: StreamName;
  partition: PartitionId;
  /** First offset to read. */
  from: number;
  /** Offset to stop before (at most the high watermark when the read began). */
  until: number;
  limit: number;
}

/** Records of one partition in [from, until), at most `limit`, in index order. */
export async function readPartition(o: PartitionRead): Promise<DriverRecord[]> {
  const { stream, partition, from, until, limit } = o;
  if (from >= until) return [];
  const out: DriverRecord[] = [];
  const done = new Deferred<void>();
  done.promise.catch(() => undefined); // awaited below; may settle before that
  const options: DriverReaderOptions = {
    stream,
    partitions: [partition],
    from: { indexes: { [stream]: { [partition]: from } } },
    clientId: o.settings.clientId,
    maxWaitMs: 100,
  };
  const reader = new KafkaReader(o.clients, o.admin, options, o.settings, {
    onPosition: (_ref, next) => {
      if (next >= until) done.resolve();
    },
  });
  const timer = setTimeout(
    () =>
      done.reject(
        new SpsError('SPS_ERR_TIMEOUT', `reading ${stream}/${partition} took too long`, {
          context: { stream, partition, from, until },
        }),
      ),
    o.settings.requestTimeoutMs,
  );
  try {
    await reader.start({
      onBatch: (batch) => {
        for (const r of batch.records) {
          if (Number(r.index) < until && out.length < limit) out.push(r);
        }
        if (out.length >= limit) done.resolve();
        return Promise.resolve();
      },
      // Records removed between the watermark check and the fetch.
      onIndexReset: (reset) => done.reject(outOfRange(stream, partition, Number(reset.requested))),
      onError: () => undefined, // the reader retries; the deadline bounds the read
    });
    await done.promise;
    return out;
  } finally {
    clearTimeout(timer);
    await reader.stop();
  }
}

export function outOfRange(
  stream: StreamName,
  partition: PartitionId,
  index: number,
  low?: number,
  high?: number,
): SpsError {
  return new SpsError(
    'SPS_ERR_INDEX_OUT_OF_RANGE',
    `index ${index} of ${stream}/${partition} is outside the log` +
      (low === undefined ? '' : ` [${low}, ${high})`),
    { context: { stream, partition, index, logStartIndex: low, highWatermark: high } },
  );
}
