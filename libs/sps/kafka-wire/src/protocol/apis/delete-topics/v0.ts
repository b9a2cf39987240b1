import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, int32, str, struct } from '../../fields';
import {
  type DeletableTopicResult,
  type DeleteTopicsRequest,
  type DeleteTopicsResponse,
} from './types';

/**
 * DeleteTopics Request (Version: 0) => [topic_names] timeout_ms
 *   topic_names => STRING
 *   timeout_ms => INT32
 *
 * DeleteTopics Response (Version: 0) => [responses]
 *   responses => name error_code
 *     name => STRING
 *     error_code => INT16
 */
export const requestV0: Fields<DeleteTopicsRequest> = { topicNames: array(str), timeoutMs: int32 };
export const resultV0: Fields<DeletableTopicResult> = { name: str, errorCode: int16 };
export const responseV0: Fields<DeleteTopicsResponse> = {
  throttleTimeMs: absent(0),
  responses: array(struct(resultV0)),
};

export const deleteTopicsV0 = versionCodec(0, requestV0, responseV0);
