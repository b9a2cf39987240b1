import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type ApiVersionsRequest, type ApiVersionsResponse } from './types';
import { apiVersionsV0 } from './v0';
import { apiVersionsV1 } from './v1';
import { apiVersionsV2 } from './v2';

export * from './types';

/** ApiVersions (key 18), versions 0–2 (v3+ get the v0-layout UNSUPPORTED_VERSION answer). */
export const apiVersionsApi: ApiCodec<ApiVersionsRequest, ApiVersionsResponse> = {
  apiKey: ApiKey.ApiVersions,
  name: 'ApiVersions',
  versions: [apiVersionsV0, apiVersionsV1, apiVersionsV2],
  flexibleFrom: 3,
  errorResponse: (_request, errorCode) => ({ errorCode, apiKeys: [], throttleTimeMs: 0 }),
};
