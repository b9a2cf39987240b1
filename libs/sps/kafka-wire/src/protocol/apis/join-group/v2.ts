import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type JoinGroupResponse } from './types';
import { requestV1, responseV1 } from './v1';

/**
 * JoinGroup Request (Version: 2) => same as version 1.
 *
 * JoinGroup Response (Version: 2) => throttle_time_ms error_code generation_id protocol_name leader member_id [members]
 *   throttle_time_ms => INT32
 *   ...then as in version 1
 */
export const requestV2 = requestV1;
export const responseV2: Fields<JoinGroupResponse> = { ...responseV1, throttleTimeMs: int32 };

export const joinGroupV2 = versionCodec(2, requestV2, responseV2);
