import { versionCodec } from '../../api-codec';
import { array, type Fields, int16, int32, str, struct } from '../../fields';
import {
  type DeletableGroupResult,
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
} from './types';

/**
 * DeleteGroups Request (Version: 0) => [groups_names]
 *   groups_names => STRING
 *
 * DeleteGroups Response (Version: 0) => throttle_time_ms [results]
 *   throttle_time_ms => INT32
 *   results => group_id error_code
 *     group_id => STRING
 *     error_code => INT16
 */
export const requestV0: Fields<DeleteGroupsRequest> = { groupsNames: array(str) };
export const resultV0: Fields<DeletableGroupResult> = { groupId: str, errorCode: int16 };
export const responseV0: Fields<DeleteGroupsResponse> = {
  throttleTimeMs: int32,
  results: array(struct(resultV0)),
};

export const deleteGroupsV0 = versionCodec(0, requestV0, responseV0);
