/**
 * Produce (API key 0) — versions 0–8; RecordBatch v2 only (Produce v3+). kafkajs sends v7,
 * librdkafka 2.0.2 v7, librdkafka 2.15 v8.
 *
 * Behaviour:
 * - Each partition's record set is handed to `engine.append` as sent: the engine validates it
 *   (CRC-32C, lengths, `lastOffsetDelta`, no control batches, `max.message.bytes`), applies
 *   the idempotent-producer rules (a retried batch is answered with its ORIGINAL base offset,
 *   Kafka's ProducerStateEntry behaviour that kafkajs relies on) and stores it unchanged
 *   apart from `baseOffset`/`partitionLeaderEpoch`, which the CRC does not cover.
 * - Partitions of one request are appended concurrently; requests of one connection are
 *   already handled one at a time by the server, so pipelined idempotent batches (librdkafka
 *   sends up to 5) reach each partition in order.
 * - acks 1 and -1 both answer once the append is durable per the engine's fsync policy (one
 *   node: the leader is the whole ISR). acks=0 answers nothing (NO_RESPONSE) but still waits
 *   for the appends, so the connection applies backpressure; if any partition failed, the
 *   connection is closed after it, which is the only way Kafka can tell an acks=0 producer.
 * - Errors per partition: unknown topic/partition → UNKNOWN_TOPIC_OR_PARTITION (produce never
 *   auto-creates; clients create through Metadata first), magic 0/1 message sets or
 *   Produce v0–2 → UNSUPPORTED_FOR_MESSAGE_FORMAT, null/empty/undecodable record sets →
 *   CORRUPT_MESSAGE, too large → MESSAGE_TOO_LARGE, sequence gap → OUT_OF_ORDER_SEQUENCE_NUMBER,
 *   fenced epoch → INVALID_PRODUCER_EPOCH, a control batch (only brokers write those) →
 *   INVALID_RECORD; acks outside {-1, 0, 1} → INVALID_REQUIRED_ACKS.
 * - Response: base offset, log append time -1 (topics use CreateTime), log start (v5+).
 *
 * Deliberately not done: transactions (a transactional id gets
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED for every partition), `timeout_ms` (appends are
 * local and bounded by the disk), LogAppendTime topics, per-record errors (v8 `record_errors`).
 */
import { type Engine } from '@shopstream/sps-log';
import { type ProducePartitionResponse } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { NO_RESPONSE, type HandlerFor } from './handler';
import { errorOf, forEachPartition } from './handler-support';

/** Byte 16 of both a legacy message set entry and a RecordBatch is the magic byte. */
const MAGIC_OFFSET = 16;

export function createProduceHandler(engine: Engine): HandlerFor<0> {
  return async (request, ctx) => {
    const refuse = refusal(request.acks, request.transactionalId, ctx.apiVersion);
    const topics = await forEachPartition(
      request.topicData.map((t) => ({ name: t.name, partitions: t.partitionData })),
      async (topic, { index, records }): Promise<ProducePartitionResponse> => {
        const failed = (errorCode: number, errorMessage: string | null = null) => ({
          ...failure(index, errorCode),
          errorMessage,
        });
        if (refuse !== undefined) return failed(refuse.code, refuse.message);
        if (records === null || records.length === 0)
          return failed(KafkaError.CORRUPT_MESSAGE, 'empty record set');
        const magic = records.length > MAGIC_OFFSET ? records[MAGIC_OFFSET] : undefined;
        if (magic !== undefined && magic < 2) {
          return failed(
            KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT,
            `message format v${magic} is not supported; use RecordBatch v2 (Produce v3+)`,
          );
        }
        try {
          const appended = await engine.append(topic, index, records);
          return {
            index,
            errorCode: KafkaError.NONE,
            baseOffset: appended.baseIndex,
            logAppendTimeMs: -1,
            logStartOffset: appended.logStartIndex,
            recordErrors: [],
            errorMessage: null,
          };
        } catch (error) {
          const { errorCode, errorMessage } = errorOf(error);
          // The engine's only argument error for a well-formed set is a control batch, which
          // Kafka refuses from clients as INVALID_RECORD.
          return failed(
            errorCode === KafkaError.INVALID_REQUEST ? KafkaError.INVALID_RECORD : errorCode,
            errorMessage,
          );
        }
      },
    );
    if (request.acks === 0) {
      const failedPartitions = topics.flatMap((t) =>
        t.results.filter((r) => r.errorCode !== KafkaError.NONE).map((r) => `${t.name}-${r.index}`),
      );
      if (failedPartitions.length > 0) {
        ctx.closeConnectionAfterResponse(
          `acks=0 produce failed for ${failedPartitions.join(', ')}`,
        );
      }
      return NO_RESPONSE;
    }
    return {
      responses: topics.map((t) => ({ name: t.name, partitionResponses: t.results })),
      throttleTimeMs: 0,
    };
  };
}

/** A reason to refuse every partition of the request, or undefined. */
function refusal(
  acks: number,
  transactionalId: string | null,
  version: number,
): { code: number; message: string } | undefined {
  if (acks !== -1 && acks !== 0 && acks !== 1)
    return {
      code: KafkaError.INVALID_REQUIRED_ACKS,
      message: `acks must be -1, 0 or 1, not ${acks}`,
    };
  if (transactionalId !== null) {
    return {
      code: KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
      message: 'SPS does not support transactions',
    };
  }
  if (version < 3) {
    return {
      code: KafkaError.UNSUPPORTED_FOR_MESSAGE_FORMAT,
      message: 'legacy message sets (Produce v0-2) are not supported; use Produce v3+',
    };
  }
  return undefined;
}

function failure(index: number, errorCode: number): ProducePartitionResponse {
  return {
    index,
    errorCode,
    baseOffset: -1,
    logAppendTimeMs: -1,
    logStartOffset: -1,
    recordErrors: [],
    errorMessage: null,
  };
}
