import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type OffsetFetchResponse } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * OffsetFetch Request (Version: 3) => same as version 2.
 *
 * OffsetFetch Response (Version: 3) => throttle_time_ms [topics] error_code
 *   throttle_time_ms => INT32
 *   topics => name [partitions]   (as in version 0)
 *   error_code => INT16
 */
export const requestV3 = requestV2;
export const responseV3: Fields<OffsetFetchResponse> = { ...responseV2, throttleTimeMs: int32 };

export const offsetFetchV3 = versionCodec(3, requestV3, responseV3);
