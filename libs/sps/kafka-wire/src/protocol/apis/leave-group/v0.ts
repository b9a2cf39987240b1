import { versionCodec } from '../../api-codec';
import { absent, absentArray, type Fields, int16, str } from '../../fields';
import { type LeaveGroupRequest, type LeaveGroupResponse } from './types';

/**
 * LeaveGroup Request (Version: 0) => group_id member_id
 *   group_id => STRING
 *   member_id => STRING
 *
 * LeaveGroup Response (Version: 0) => error_code
 *   error_code => INT16
 */
export const requestV0: Fields<LeaveGroupRequest> = {
  groupId: str,
  memberId: str,
  members: absentArray(),
};
export const responseV0: Fields<LeaveGroupResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
  members: absentArray(),
};

export const leaveGroupV0 = versionCodec(0, requestV0, responseV0);
