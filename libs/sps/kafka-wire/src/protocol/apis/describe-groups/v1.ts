import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type DescribeGroupsResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * DescribeGroups Request (Version: 1) => same as version 0.
 *
 * DescribeGroups Response (Version: 1) => throttle_time_ms [groups]
 *   throttle_time_ms => INT32
 *   groups => ...as in version 0
 */
export const requestV1 = requestV0;
export const responseV1: Fields<DescribeGroupsResponse> = { ...responseV0, throttleTimeMs: int32 };

export const describeGroupsV1 = versionCodec(1, requestV1, responseV1);
