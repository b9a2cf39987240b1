import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type DescribeConfigsRequest, type DescribeConfigsResponse } from './types';
import { describeConfigsV0 } from './v0';
import { describeConfigsV1 } from './v1';
import { describeConfigsV2 } from './v2';

export * from './types';

/** DescribeConfigs (key 32), versions 0–2. */
export const describeConfigsApi: ApiCodec<DescribeConfigsRequest, DescribeConfigsResponse> = {
  apiKey: ApiKey.DescribeConfigs,
  name: 'DescribeConfigs',
  versions: [describeConfigsV0, describeConfigsV1, describeConfigsV2],
  flexibleFrom: 4,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.resources.map((resource) => ({
      errorCode,
      errorMessage: null,
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
      configs: [],
    })),
  }),
};
