import { versionCodec } from '../../api-codec';
import { array, type Fields, nullableStr, struct } from '../../fields';
import {
  type DescribedGroup,
  type DescribedGroupMember,
  type DescribeGroupsResponse,
} from './types';
import { memberV0 } from './v0';
import { groupV3, requestV3, responseV3 } from './v3';

/**
 * DescribeGroups Request (Version: 4) => same as version 3.
 *
 * DescribeGroups Response (Version: 4) => throttle_time_ms [groups]
 *   ...as in version 3, with
 *     members => member_id group_instance_id client_id client_host member_metadata member_assignment
 *       group_instance_id => NULLABLE_STRING   (KIP-345)
 *
 * librdkafka 2.x sends v4. Version 5 is the first flexible version; we stop here.
 */
export const requestV4 = requestV3;
export const memberV4: Fields<DescribedGroupMember> = { ...memberV0, groupInstanceId: nullableStr };
export const groupV4: Fields<DescribedGroup> = { ...groupV3, members: array(struct(memberV4)) };
export const responseV4: Fields<DescribeGroupsResponse> = {
  ...responseV3,
  groups: array(struct(groupV4)),
};

export const describeGroupsV4 = versionCodec(4, requestV4, responseV4);
