import { versionCodec } from '../../api-codec';
import { absent, array, bytes, type Fields, int16, str, struct } from '../../fields';
import {
  type DescribedGroup,
  type DescribedGroupMember,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from './types';

/**
 * DescribeGroups Request (Version: 0) => [groups]
 *   groups => STRING
 *
 * DescribeGroups Response (Version: 0) => [groups]
 *   groups => error_code group_id group_state protocol_type protocol_data [members]
 *     error_code => INT16
 *     group_id => STRING
 *     group_state => STRING
 *     protocol_type => STRING
 *     protocol_data => STRING
 *     members => member_id client_id client_host member_metadata member_assignment
 *       member_id => STRING
 *       client_id => STRING
 *       client_host => STRING
 *       member_metadata => BYTES
 *       member_assignment => BYTES
 */
export const requestV0: Fields<DescribeGroupsRequest> = {
  groups: array(str),
  includeAuthorizedOperations: absent(false),
};

export const memberV0: Fields<DescribedGroupMember> = {
  memberId: str,
  groupInstanceId: absent(null),
  clientId: str,
  clientHost: str,
  memberMetadata: bytes,
  memberAssignment: bytes,
};
export const groupV0: Fields<DescribedGroup> = {
  errorCode: int16,
  groupId: str,
  groupState: str,
  protocolType: str,
  protocolData: str,
  members: array(struct(memberV0)),
  authorizedOperations: absent(-2147483648),
};
export const responseV0: Fields<DescribeGroupsResponse> = {
  throttleTimeMs: absent(0),
  groups: array(struct(groupV0)),
};

export const describeGroupsV0 = versionCodec(0, requestV0, responseV0);
