import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type SyncGroupResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * SyncGroup Request (Version: 1) => same as version 0.
 *
 * SyncGroup Response (Version: 1) => throttle_time_ms error_code assignment
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   assignment => BYTES
 */
export const requestV1 = requestV0;
export const responseV1: Fields<SyncGroupResponse> = { ...responseV0, throttleTimeMs: int32 };

export const syncGroupV1 = versionCodec(1, requestV1, responseV1);
