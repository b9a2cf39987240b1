import { versionCodec } from '../../api-codec';
import { array, type Fields, int64, str, struct } from '../../fields';
import {
  type ProducePartitionResponse,
  type ProduceResponse,
  type ProduceTopicResponse,
} from './types';
import { partitionResponseV0 } from './v0';
import { requestV1, responseV1 } from './v1';

/**
 * Produce Request (Version: 2) => same as version 1 (v2 allows message format v1, KIP-32).
 *
 * Produce Response (Version: 2) => [responses] throttle_time_ms
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset log_append_time_ms
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *       log_append_time_ms => INT64
 *   throttle_time_ms => INT32
 */
export const requestV2 = requestV1;
export const partitionResponseV2: Fields<ProducePartitionResponse> = {
  ...partitionResponseV0,
  logAppendTimeMs: int64,
};
export const topicResponseV2: Fields<ProduceTopicResponse> = {
  name: str,
  partitionResponses: array(struct(partitionResponseV2)),
};
export const responseV2: Fields<ProduceResponse> = {
  ...responseV1,
  responses: array(struct(topicResponseV2)),
};

export const produceV2 = versionCodec(2, requestV2, responseV2);
