/**
 * Fetch (API key 1) — versions 0–11. kafkajs, librdkafka 2.0.2 and 2.15 all send v11.
 *
 * Behaviour (KAFKA-WIRE §4.4):
 * - One `engine.fetch` over every requested partition, in request order: it answers when
 *   `min_bytes` are there, when `max_wait_ms` has passed, at once when any partition has an
 *   error, or when `ctx.signal` aborts (connection closed, server shutting down). A produce
 *   to any fetched partition wakes it.
 * - Data starts with the WHOLE batch containing `fetch_offset` (clients drop the records
 *   before it; Tansu's mid-batch bug shows they hang otherwise) and holds only whole batches.
 *   `max_bytes` and `partition_max_bytes` are soft: the first batch is returned even when
 *   larger (KIP-74), so a consumer always progresses.
 * - A partition without data gets an EMPTY record set, never null: librdkafka reads a null
 *   (-1) MessageSet size as invalid (franz-go kfake, 01_fetch.go).
 * - high watermark = log end; last stable offset = high watermark (no transactions, so
 *   nothing is ever unstable); log start offset (v5+); preferred read replica -1 (v11);
 *   aborted transactions: none (null, or an empty list for READ_COMMITTED, as Kafka).
 * - Errors per partition: OFFSET_OUT_OF_RANGE below the log start or above the high
 *   watermark (the offset equal to it is valid and waits), UNKNOWN_TOPIC_OR_PARTITION,
 *   KAFKA_STORAGE_ERROR for a failed partition.
 *
 * Deliberately not done: fetch sessions (KIP-227: the answer is session id 0, "no session",
 * which kafkajs and librdkafka request anyway), follower fetching / rack awareness (one
 * node), throttling, and `isolation_level`, which needs no work without transactions
 * (kafkajs asks for READ_COMMITTED by default).
 */
import { type Engine, type FetchRequestPartition } from '@shopstream/sps-log';
import { type FetchPartitionData } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';

const READ_COMMITTED = 1;

export function createFetchHandler(engine: Engine): HandlerFor<1> {
  return async (request, ctx) => {
    const wanted: FetchRequestPartition[] = request.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        stream: t.topic,
        partition: p.partition,
        index: p.fetchOffset,
        maxBytes: Math.max(p.partitionMaxBytes, 0),
      })),
    );
    const results = await engine.fetch(wanted, {
      maxWaitMs: Math.max(request.maxWaitMs, 0),
      minBytes: Math.max(request.minBytes, 0),
      maxBytes: request.maxBytes > 0 ? request.maxBytes : 0x7fffffff,
      signal: ctx.signal,
    });
    const abortedTransactions = request.isolationLevel === READ_COMMITTED ? [] : null;
    let next = 0;
    return {
      throttleTimeMs: 0,
      errorCode: KafkaError.NONE,
      sessionId: 0,
      responses: request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((): FetchPartitionData => {
          // engine.fetch answers one result per requested partition, in request order.
          const r = results[next++]!;
          return {
            partitionIndex: r.partition,
            errorCode: r.error ? kafkaErrorFor(r.error) : KafkaError.NONE,
            highWatermark: r.highWatermark,
            lastStableOffset: r.highWatermark,
            logStartOffset: r.logStartIndex,
            abortedTransactions,
            preferredReadReplica: -1,
            records: r.records,
          };
        }),
      })),
    };
  };
}
