import { versionCodec } from '../../api-codec';
import { absent, array, bytes, type Fields, int16, int32, str, struct } from '../../fields';
import {
  type JoinGroupRequest,
  type JoinGroupRequestProtocol,
  type JoinGroupResponse,
  type JoinGroupResponseMember,
} from './types';

/**
 * JoinGroup Request (Version: 0) => group_id session_timeout_ms member_id protocol_type [protocols]
 *   group_id => STRING
 *   session_timeout_ms => INT32
 *   member_id => STRING
 *   protocol_type => STRING
 *   protocols => name metadata
 *     name => STRING
 *     metadata => BYTES
 *
 * JoinGroup Response (Version: 0) => error_code generation_id protocol_name leader member_id [members]
 *   error_code => INT16
 *   generation_id => INT32
 *   protocol_name => STRING
 *   leader => STRING
 *   member_id => STRING
 *   members => member_id metadata
 *     member_id => STRING
 *     metadata => BYTES
 */
export const protocolV0: Fields<JoinGroupRequestProtocol> = { name: str, metadata: bytes };
export const requestV0: Fields<JoinGroupRequest> = {
  groupId: str,
  sessionTimeoutMs: int32,
  rebalanceTimeoutMs: absent(-1),
  memberId: str,
  groupInstanceId: absent(null),
  protocolType: str,
  protocols: array(struct(protocolV0)),
};

export const memberV0: Fields<JoinGroupResponseMember> = {
  memberId: str,
  groupInstanceId: absent(null),
  metadata: bytes,
};
export const responseV0: Fields<JoinGroupResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
  generationId: int32,
  protocolName: str,
  leader: str,
  memberId: str,
  members: array(struct(memberV0)),
};

export const joinGroupV0 = versionCodec(0, requestV0, responseV0);
