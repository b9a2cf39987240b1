import { versionCodec } from '../../api-codec';
import { array, bool, type Fields, nullableStr, struct } from '../../fields';
import {
  type CreatableTopicResult,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
} from './types';
import { requestV0, responseV0, resultV0 } from './v0';

/**
 * CreateTopics Request (Version: 1) => [topics] timeout_ms validate_only
 *   topics => ...as in version 0
 *   timeout_ms => INT32
 *   validate_only => BOOLEAN
 *
 * CreateTopics Response (Version: 1) => [topics]
 *   topics => name error_code error_message
 *     name => STRING
 *     error_code => INT16
 *     error_message => NULLABLE_STRING
 */
export const requestV1: Fields<CreateTopicsRequest> = { ...requestV0, validateOnly: bool };
export const resultV1: Fields<CreatableTopicResult> = { ...resultV0, errorMessage: nullableStr };
export const responseV1: Fields<CreateTopicsResponse> = {
  ...responseV0,
  topics: array(struct(resultV1)),
};

export const createTopicsV1 = versionCodec(1, requestV1, responseV1);
