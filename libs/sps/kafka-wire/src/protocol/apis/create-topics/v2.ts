import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type CreateTopicsResponse } from './types';
import { requestV1, responseV1 } from './v1';

/**
 * CreateTopics Request (Version: 2) => same as version 1.
 *
 * CreateTopics Response (Version: 2) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name error_code error_message   (as in version 1)
 */
export const requestV2 = requestV1;
export const responseV2: Fields<CreateTopicsResponse> = { ...responseV1, throttleTimeMs: int32 };

export const createTopicsV2 = versionCodec(2, requestV2, responseV2);
