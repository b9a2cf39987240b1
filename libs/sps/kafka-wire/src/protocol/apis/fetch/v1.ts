import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type FetchResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * Fetch Request (Version: 1) => same as version 0.
 *
 * Fetch Response (Version: 1) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => topic [partitions]   (as in version 0)
 */
export const requestV1 = requestV0;
export const responseV1: Fields<FetchResponse> = { ...responseV0, throttleTimeMs: int32 };

export const fetchV1 = versionCodec(1, requestV1, responseV1);
