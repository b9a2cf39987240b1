import { versionCodec } from '../../api-codec';
import {
  absent,
  absentArray,
  array,
  type Fields,
  int16,
  int32,
  int64,
  records,
  str,
  struct,
} from '../../fields';
import {
  type ProducePartitionData,
  type ProducePartitionResponse,
  type ProduceRequest,
  type ProduceResponse,
  type ProduceTopicData,
  type ProduceTopicResponse,
} from './types';

/**
 * Produce Request (Version: 0) => acks timeout_ms [topic_data]
 *   acks => INT16
 *   timeout_ms => INT32
 *   topic_data => name [partition_data]
 *     name => STRING
 *     partition_data => index records
 *       index => INT32
 *       records => RECORDS  (int32 size, then a legacy message set)
 *
 * Produce Response (Version: 0) => [responses]
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 */
export const partitionDataV0: Fields<ProducePartitionData> = { index: int32, records };
export const topicDataV0: Fields<ProduceTopicData> = {
  name: str,
  partitionData: array(struct(partitionDataV0)),
};
export const requestV0: Fields<ProduceRequest> = {
  transactionalId: absent(null),
  acks: int16,
  timeoutMs: int32,
  topicData: array(struct(topicDataV0)),
};

export const partitionResponseV0: Fields<ProducePartitionResponse> = {
  index: int32,
  errorCode: int16,
  baseOffset: int64,
  logAppendTimeMs: absent(-1),
  logStartOffset: absent(-1),
  recordErrors: absentArray(),
  errorMessage: absent(null),
};
export const topicResponseV0: Fields<ProduceTopicResponse> = {
  name: str,
  partitionResponses: array(struct(partitionResponseV0)),
};
export const responseV0: Fields<ProduceResponse> = {
  responses: array(struct(topicResponseV0)),
  throttleTimeMs: absent(0),
};

export const produceV0 = versionCodec(0, requestV0, responseV0);
