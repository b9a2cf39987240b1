import { versionCodec } from '../../api-codec';
import { array, type Fields, int16, int32, str, struct } from '../../fields';
import { type FetchForgottenTopic, type FetchRequest, type FetchResponse } from './types';
import { requestV6, responseV6 } from './v6';

/**
 * Fetch Request (Version: 7) => replica_id max_wait_ms min_bytes max_bytes isolation_level session_id session_epoch [topics] [forgotten_topics_data]
 *   replica_id => INT32
 *   max_wait_ms => INT32
 *   min_bytes => INT32
 *   max_bytes => INT32
 *   isolation_level => INT8
 *   session_id => INT32
 *   session_epoch => INT32
 *   topics => topic [partitions]   (as in version 5)
 *   forgotten_topics_data => topic [partitions]
 *     topic => STRING
 *     partitions => INT32
 *
 * Fetch Response (Version: 7) => throttle_time_ms error_code session_id [responses]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   session_id => INT32
 *   responses => topic [partitions]   (as in version 5)
 *
 * Fetch sessions are KIP-227; kafkajs and librdkafka send session 0 / epoch -1 (none).
 */
export const forgottenTopicV7: Fields<FetchForgottenTopic> = {
  topic: str,
  partitions: array(int32),
};
export const requestV7: Fields<FetchRequest> = {
  ...requestV6,
  sessionId: int32,
  sessionEpoch: int32,
  forgottenTopicsData: array(struct(forgottenTopicV7)),
};
export const responseV7: Fields<FetchResponse> = {
  ...responseV6,
  errorCode: int16,
  sessionId: int32,
};

export const fetchV7 = versionCodec(7, requestV7, responseV7);
