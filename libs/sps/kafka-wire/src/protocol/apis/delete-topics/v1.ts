import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type DeleteTopicsResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * DeleteTopics Request (Version: 1) => same as version 0.
 *
 * DeleteTopics Response (Version: 1) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => name error_code   (as in version 0)
 */
export const requestV1 = requestV0;
export const responseV1: Fields<DeleteTopicsResponse> = { ...responseV0, throttleTimeMs: int32 };

export const deleteTopicsV1 = versionCodec(1, requestV1, responseV1);
