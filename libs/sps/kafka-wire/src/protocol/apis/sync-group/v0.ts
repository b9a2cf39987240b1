import { versionCodec } from '../../api-codec';
import { absent, array, bytes, type Fields, int16, int32, str, struct } from '../../fields';
import {
  type SyncGroupRequest,
  type SyncGroupRequestAssignment,
  type SyncGroupResponse,
} from './types';

/**
 * SyncGroup Request (Version: 0) => group_id generation_id member_id [assignments]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   assignments => member_id assignment
 *     member_id => STRING
 *     assignment => BYTES
 *
 * SyncGroup Response (Version: 0) => error_code assignment
 *   error_code => INT16
 *   assignment => BYTES
 */
export const assignmentV0: Fields<SyncGroupRequestAssignment> = {
  memberId: str,
  assignment: bytes,
};
export const requestV0: Fields<SyncGroupRequest> = {
  groupId: str,
  generationId: int32,
  memberId: str,
  groupInstanceId: absent(null),
  assignments: array(struct(assignmentV0)),
};
export const responseV0: Fields<SyncGroupResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
  assignment: bytes,
};

export const syncGroupV0 = versionCodec(0, requestV0, responseV0);
