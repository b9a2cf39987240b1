import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type ListGroupsResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * ListGroups Request (Version: 1) => (no fields)
 *
 * ListGroups Response (Version: 1) => throttle_time_ms error_code [groups]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   groups => group_id protocol_type   (as in version 0)
 */
export const requestV1 = requestV0;
export const responseV1: Fields<ListGroupsResponse> = { ...responseV0, throttleTimeMs: int32 };

export const listGroupsV1 = versionCodec(1, requestV1, responseV1);
