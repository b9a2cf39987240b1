import { versionCodec } from '../../api-codec';
import { array, type Fields, nullableStr, struct } from '../../fields';
import {
  type JoinGroupRequest,
  type JoinGroupResponse,
  type JoinGroupResponseMember,
} from './types';
import { memberV0 } from './v0';
import { requestV4, responseV4 } from './v4';

/**
 * JoinGroup Request (Version: 5) => group_id session_timeout_ms rebalance_timeout_ms member_id group_instance_id protocol_type [protocols]
 *   group_id => STRING
 *   session_timeout_ms => INT32
 *   rebalance_timeout_ms => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING   (KIP-345)
 *   protocol_type => STRING
 *   protocols => name metadata   (as in version 0)
 *
 * JoinGroup Response (Version: 5) => throttle_time_ms error_code generation_id protocol_name leader member_id [members]
 *   ...as in version 4, with
 *   members => member_id group_instance_id metadata
 *     member_id => STRING
 *     group_instance_id => NULLABLE_STRING
 *     metadata => BYTES
 *
 * Version 6 is the first flexible version; we stop here.
 */
export const requestV5: Fields<JoinGroupRequest> = { ...requestV4, groupInstanceId: nullableStr };
export const memberV5: Fields<JoinGroupResponseMember> = {
  ...memberV0,
  groupInstanceId: nullableStr,
};
export const responseV5: Fields<JoinGroupResponse> = {
  ...responseV4,
  members: array(struct(memberV5)),
};

export const joinGroupV5 = versionCodec(5, requestV5, responseV5);
