import { versionCodec } from '../../api-codec';
import {
  array,
  bool,
  type Fields,
  int16,
  int32,
  nullableArray,
  nullableStr,
  str,
  struct,
} from '../../fields';
import {
  type CreatePartitionsAssignment,
  type CreatePartitionsRequest,
  type CreatePartitionsResponse,
  type CreatePartitionsTopic,
  type CreatePartitionsTopicResult,
} from './types';

/**
 * CreatePartitions Request (Version: 0) => [topics] timeout_ms validate_only
 *   topics => name count [assignments]
 *     name => STRING
 *     count => INT32
 *     assignments => [broker_ids]   (nullable array)
 *       broker_ids => INT32
 *   timeout_ms => INT32
 *   validate_only => BOOLEAN
 *
 * CreatePartitions Response (Version: 0) => throttle_time_ms [results]
 *   throttle_time_ms => INT32
 *   results => name error_code error_message
 *     name => STRING
 *     error_code => INT16
 *     error_message => NULLABLE_STRING
 */
export const assignmentV0: Fields<CreatePartitionsAssignment> = { brokerIds: array(int32) };
export const topicV0: Fields<CreatePartitionsTopic> = {
  name: str,
  count: int32,
  assignments: nullableArray(struct(assignmentV0)),
};
export const requestV0: Fields<CreatePartitionsRequest> = {
  topics: array(struct(topicV0)),
  timeoutMs: int32,
  validateOnly: bool,
};

export const resultV0: Fields<CreatePartitionsTopicResult> = {
  name: str,
  errorCode: int16,
  errorMessage: nullableStr,
};
export const responseV0: Fields<CreatePartitionsResponse> = {
  throttleTimeMs: int32,
  results: array(struct(resultV0)),
};

export const createPartitionsV0 = versionCodec(0, requestV0, responseV0);
