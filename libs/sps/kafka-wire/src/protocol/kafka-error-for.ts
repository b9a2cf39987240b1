import { isSpsError, type SpsErrorCode } from '@shopstream/sps-core';
import { KafkaError } from './error-codes';

/**
 * The Kafka error code for each SPS error code: one explicit decision per code. The type is a
 * full `Record<SpsErrorCode, …>`, so adding a code to the SPS catalog fails the type check here
 * until someone decides how Kafka clients should see it.
 */
export const SPS_TO_KAFKA_ERROR: Readonly<Record<SpsErrorCode, number>> = {
  // A caller-fixable argument the request carried: Kafka's catch-all for a bad request.
  SPS_ERR_INVALID_ARGUMENT: KafkaError.INVALID_REQUEST,
  SPS_ERR_INVALID_STREAM_NAME: KafkaError.INVALID_TOPIC_EXCEPTION,
  SPS_ERR_INVALID_PARTITIONS: KafkaError.INVALID_PARTITIONS,
  SPS_ERR_PARTITIONS_CANNOT_SHRINK: KafkaError.INVALID_PARTITIONS,
  SPS_ERR_STREAM_EXISTS: KafkaError.TOPIC_ALREADY_EXISTS,
  SPS_ERR_UNKNOWN_STREAM: KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
  SPS_ERR_UNKNOWN_PARTITION: KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
  SPS_ERR_INDEX_OUT_OF_RANGE: KafkaError.OFFSET_OUT_OF_RANGE,
  // Undecodable record bytes reach the engine only inside a produced batch.
  SPS_ERR_MALFORMED: KafkaError.CORRUPT_MESSAGE,
  SPS_ERR_CORRUPT_BATCH: KafkaError.CORRUPT_MESSAGE,
  SPS_ERR_UNSUPPORTED_COMPRESSION: KafkaError.UNSUPPORTED_COMPRESSION_TYPE,
  SPS_ERR_BATCH_TOO_LARGE: KafkaError.MESSAGE_TOO_LARGE,
  SPS_ERR_OUT_OF_ORDER_SEQUENCE: KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER,
  SPS_ERR_INVALID_PRODUCER_EPOCH: KafkaError.INVALID_PRODUCER_EPOCH,
  SPS_ERR_STORAGE: KafkaError.KAFKA_STORAGE_ERROR,
  // A failed partition serves nothing until repaired: Kafka's answer for an offline log dir.
  SPS_ERR_PARTITION_FAILED: KafkaError.KAFKA_STORAGE_ERROR,
  // The engine is shutting down; the server closes its sockets right after, clients reconnect.
  SPS_ERR_ENGINE_CLOSED: KafkaError.BROKER_NOT_AVAILABLE,
  SPS_ERR_TIMEOUT: KafkaError.REQUEST_TIMED_OUT,
  SPS_ERR_UNKNOWN_GROUP: KafkaError.GROUP_ID_NOT_FOUND,
  SPS_ERR_GROUP_NOT_EMPTY: KafkaError.NON_EMPTY_GROUP,
  SPS_ERR_UNKNOWN_MEMBER: KafkaError.UNKNOWN_MEMBER_ID,
  SPS_ERR_MEMBER_ID_REQUIRED: KafkaError.MEMBER_ID_REQUIRED,
  SPS_ERR_ILLEGAL_GENERATION: KafkaError.ILLEGAL_GENERATION,
  SPS_ERR_REBALANCE_IN_PROGRESS: KafkaError.REBALANCE_IN_PROGRESS,
  SPS_ERR_INVALID_SESSION_TIMEOUT: KafkaError.INVALID_SESSION_TIMEOUT,
  SPS_ERR_INCONSISTENT_GROUP_PROTOCOL: KafkaError.INCONSISTENT_GROUP_PROTOCOL,
};

/**
 * The Kafka error code to put in a response for `error`: the mapped code of an `SpsError`
 * (recognised by shape, see `isSpsError`), UNKNOWN_SERVER_ERROR (-1) for anything else —
 * a bug is never reported to a client as something it could fix.
 *
 * @example
 * catch (e) { partitionResponse.errorCode = kafkaErrorFor(e); }
 */
export function kafkaErrorFor(error: unknown): number {
  if (isSpsError(error)) return SPS_TO_KAFKA_ERROR[error.code] ?? KafkaError.UNKNOWN_SERVER_ERROR;
  return KafkaError.UNKNOWN_SERVER_ERROR;
}
