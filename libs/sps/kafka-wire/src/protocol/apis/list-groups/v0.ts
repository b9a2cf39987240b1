import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, str, struct } from '../../fields';
import { type ListedGroup, type ListGroupsRequest, type ListGroupsResponse } from './types';

/**
 * ListGroups Request (Version: 0) => (no fields)
 *
 * ListGroups Response (Version: 0) => error_code [groups]
 *   error_code => INT16
 *   groups => group_id protocol_type
 *     group_id => STRING
 *     protocol_type => STRING
 */
export const requestV0: Fields<ListGroupsRequest> = {};
export const listedGroupV0: Fields<ListedGroup> = { groupId: str, protocolType: str };
export const responseV0: Fields<ListGroupsResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
  groups: array(struct(listedGroupV0)),
};

export const listGroupsV0 = versionCodec(0, requestV0, responseV0);
