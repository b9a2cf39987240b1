import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type AlterConfigsRequest, type AlterConfigsResponse } from './types';
import { alterConfigsV0 } from './v0';
import { alterConfigsV1 } from './v1';

export * from './types';

/** AlterConfigs (key 33), versions 0–1. */
export const alterConfigsApi: ApiCodec<AlterConfigsRequest, AlterConfigsResponse> = {
  apiKey: ApiKey.AlterConfigs,
  name: 'AlterConfigs',
  versions: [alterConfigsV0, alterConfigsV1],
  flexibleFrom: 2,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    responses: request.resources.map((resource) => ({
      errorCode,
      errorMessage: null,
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
    })),
  }),
};
