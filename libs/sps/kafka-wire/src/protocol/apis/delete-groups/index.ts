import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type DeleteGroupsRequest, type DeleteGroupsResponse } from './types';
import { deleteGroupsV0 } from './v0';
import { deleteGroupsV1 } from './v1';

export * from './types';

/** DeleteGroups (key 42), versions 0–1. */
export const deleteGroupsApi: ApiCodec<DeleteGroupsRequest, DeleteGroupsResponse> = {
  apiKey: ApiKey.DeleteGroups,
  name: 'DeleteGroups',
  versions: [deleteGroupsV0, deleteGroupsV1],
  flexibleFrom: 2,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.groupsNames.map((groupId) => ({ groupId, errorCode })),
  }),
};
