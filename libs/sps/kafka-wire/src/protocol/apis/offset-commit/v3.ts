import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type OffsetCommitResponse } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * OffsetCommit Request (Version: 3) => same as version 2.
 *
 * OffsetCommit Response (Version: 3) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]   (as in version 0)
 */
export const requestV3 = requestV2;
export const responseV3: Fields<OffsetCommitResponse> = { ...responseV2, throttleTimeMs: int32 };

export const offsetCommitV3 = versionCodec(3, requestV3, responseV3);
