import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type ApiVersionsResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * ApiVersions Request (Version: 1) => (no fields)
 *
 * ApiVersions Response (Version: 1) => error_code [api_keys] throttle_time_ms
 *   error_code => INT16
 *   api_keys => api_key min_version max_version   (as in version 0)
 *   throttle_time_ms => INT32
 */
export const requestV1 = requestV0;
export const responseV1: Fields<ApiVersionsResponse> = { ...responseV0, throttleTimeMs: int32 };

export const apiVersionsV1 = versionCodec(1, requestV1, responseV1);
