import { versionCodec } from '../../api-codec';
import { array, bool, type Fields, int32, struct } from '../../fields';
import {
  type DescribedGroup,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
} from './types';
import { groupV0 } from './v0';
import { requestV2, responseV2 } from './v2';

/**
 * DescribeGroups Request (Version: 3) => [groups] include_authorized_operations
 *   groups => STRING
 *   include_authorized_operations => BOOLEAN   (KIP-430)
 *
 * DescribeGroups Response (Version: 3) => throttle_time_ms [groups]
 *   throttle_time_ms => INT32
 *   groups => error_code group_id group_state protocol_type protocol_data [members] authorized_operations
 *     ...as in version 2, then
 *     authorized_operations => INT32
 */
export const requestV3: Fields<DescribeGroupsRequest> = {
  ...requestV2,
  includeAuthorizedOperations: bool,
};
export const groupV3: Fields<DescribedGroup> = { ...groupV0, authorizedOperations: int32 };
export const responseV3: Fields<DescribeGroupsResponse> = {
  ...responseV2,
  groups: array(struct(groupV3)),
};

export const describeGroupsV3 = versionCodec(3, requestV3, responseV3);
