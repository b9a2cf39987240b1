import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type DescribeGroupsRequest, type DescribeGroupsResponse } from './types';
import { describeGroupsV0 } from './v0';
import { describeGroupsV1 } from './v1';
import { describeGroupsV2 } from './v2';
import { describeGroupsV3 } from './v3';
import { describeGroupsV4 } from './v4';

export * from './types';

/** DescribeGroups (key 15), versions 0–4. */
export const describeGroupsApi: ApiCodec<DescribeGroupsRequest, DescribeGroupsResponse> = {
  apiKey: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  versions: [
    describeGroupsV0,
    describeGroupsV1,
    describeGroupsV2,
    describeGroupsV3,
    describeGroupsV4,
  ],
  flexibleFrom: 5,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    groups: request.groups.map((groupId) => ({
      errorCode,
      groupId,
      groupState: '',
      protocolType: '',
      protocolData: '',
      members: [],
      authorizedOperations: -2147483648,
    })),
  }),
};
