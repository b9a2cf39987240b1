import { versionCodec } from '../../api-codec';
import { array, type Fields, int64, str, struct } from '../../fields';
import {
  type ProducePartitionResponse,
  type ProduceResponse,
  type ProduceTopicResponse,
} from './types';
import { partitionResponseV2 } from './v2';
import { requestV4, responseV4 } from './v4';

/**
 * Produce Request (Version: 5) => same as version 4.
 *
 * Produce Response (Version: 5) => [responses] throttle_time_ms
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset log_append_time_ms log_start_offset
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *       log_append_time_ms => INT64
 *       log_start_offset => INT64
 *   throttle_time_ms => INT32
 */
export const requestV5 = requestV4;
export const partitionResponseV5: Fields<ProducePartitionResponse> = {
  ...partitionResponseV2,
  logStartOffset: int64,
};
export const topicResponseV5: Fields<ProduceTopicResponse> = {
  name: str,
  partitionResponses: array(struct(partitionResponseV5)),
};
export const responseV5: Fields<ProduceResponse> = {
  ...responseV4,
  responses: array(struct(topicResponseV5)),
};

export const produceV5 = versionCodec(5, requestV5, responseV5);
