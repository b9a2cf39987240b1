import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, nullableStr, str, struct } from '../../fields';
import {
  type LeaveGroupMemberIdentity,
  type LeaveGroupMemberResponse,
  type LeaveGroupRequest,
  type LeaveGroupResponse,
} from './types';
import { requestV2, responseV2 } from './v2';

/**
 * LeaveGroup Request (Version: 3) => group_id [members]
 *   group_id => STRING
 *   members => member_id group_instance_id
 *     member_id => STRING
 *     group_instance_id => NULLABLE_STRING
 *
 * LeaveGroup Response (Version: 3) => throttle_time_ms error_code [members]
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   members => member_id group_instance_id error_code
 *     member_id => STRING
 *     group_instance_id => NULLABLE_STRING
 *     error_code => INT16
 *
 * Batch leave is KIP-345; kafkajs sends v3. Version 4 is the first flexible version.
 */
export const memberIdentityV3: Fields<LeaveGroupMemberIdentity> = {
  memberId: str,
  groupInstanceId: nullableStr,
};
export const requestV3: Fields<LeaveGroupRequest> = {
  ...requestV2,
  memberId: absent(''),
  members: array(struct(memberIdentityV3)),
};

export const memberResponseV3: Fields<LeaveGroupMemberResponse> = {
  memberId: str,
  groupInstanceId: nullableStr,
  errorCode: int16,
};
export const responseV3: Fields<LeaveGroupResponse> = {
  ...responseV2,
  members: array(struct(memberResponseV3)),
};

export const leaveGroupV3 = versionCodec(3, requestV3, responseV3);
