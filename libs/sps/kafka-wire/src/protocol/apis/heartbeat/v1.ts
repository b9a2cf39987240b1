import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type HeartbeatResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * Heartbeat Request (Version: 1) => same as version 0.
 *
 * Heartbeat Response (Version: 1) => throttle_time_ms error_code
 *   throttle_time_ms => INT32
 *   error_code => INT16
 */
export const requestV1 = requestV0;
export const responseV1: Fields<HeartbeatResponse> = { ...responseV0, throttleTimeMs: int32 };

export const heartbeatV1 = versionCodec(1, requestV1, responseV1);
