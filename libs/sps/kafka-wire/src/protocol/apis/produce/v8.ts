import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, nullableStr, str, struct } from '../../fields';
import {
  type ProducePartitionResponse,
  type ProduceRecordError,
  type ProduceResponse,
  type ProduceTopicResponse,
} from './types';
import { partitionResponseV5 } from './v5';
import { requestV7, responseV7 } from './v7';

/**
 * Produce Request (Version: 8) => same as version 7.
 *
 * Produce Response (Version: 8) => [responses] throttle_time_ms
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset log_append_time_ms log_start_offset [record_errors] error_message
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *       log_append_time_ms => INT64
 *       log_start_offset => INT64
 *       record_errors => batch_index batch_index_error_message
 *         batch_index => INT32
 *         batch_index_error_message => NULLABLE_STRING
 *       error_message => NULLABLE_STRING
 *   throttle_time_ms => INT32
 *
 * Version 9 is the first flexible version; we stop here.
 */
export const requestV8 = requestV7;
export const recordErrorV8: Fields<ProduceRecordError> = {
  batchIndex: int32,
  batchIndexErrorMessage: nullableStr,
};
export const partitionResponseV8: Fields<ProducePartitionResponse> = {
  ...partitionResponseV5,
  recordErrors: array(struct(recordErrorV8)),
  errorMessage: nullableStr,
};
export const topicResponseV8: Fields<ProduceTopicResponse> = {
  name: str,
  partitionResponses: array(struct(partitionResponseV8)),
};
export const responseV8: Fields<ProduceResponse> = {
  ...responseV7,
  responses: array(struct(topicResponseV8)),
};

export const produceV8 = versionCodec(8, requestV8, responseV8);
