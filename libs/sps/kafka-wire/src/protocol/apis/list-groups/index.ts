import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type ListGroupsRequest, type ListGroupsResponse } from './types';
import { listGroupsV0 } from './v0';
import { listGroupsV1 } from './v1';
import { listGroupsV2 } from './v2';

export * from './types';

/** ListGroups (key 16), versions 0–2. */
export const listGroupsApi: ApiCodec<ListGroupsRequest, ListGroupsResponse> = {
  apiKey: ApiKey.ListGroups,
  name: 'ListGroups',
  versions: [listGroupsV0, listGroupsV1, listGroupsV2],
  flexibleFrom: 3,
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode, groups: [] }),
};
