import { versionCodec } from '../../api-codec';
import { absent, array, type Fields, int16, struct } from '../../fields';
import { type ApiVersionRange, type ApiVersionsRequest, type ApiVersionsResponse } from './types';

/**
 * ApiVersions Request (Version: 0) => (no fields)
 *
 * ApiVersions Response (Version: 0) => error_code [api_keys]
 *   error_code => INT16
 *   api_keys => api_key min_version max_version
 *     api_key => INT16
 *     min_version => INT16
 *     max_version => INT16
 *
 * This layout is also the answer to ANY ApiVersions version we do not support (v3+ from
 * librdkafka): error 35 plus our ranges, so the client can pick a version and retry (KIP-511).
 * The response header is always v0, even for flexible versions (ApiVersionsResponse.json).
 */
export const requestV0: Fields<ApiVersionsRequest> = {};
export const apiVersionRangeV0: Fields<ApiVersionRange> = {
  apiKey: int16,
  minVersion: int16,
  maxVersion: int16,
};
export const responseV0: Fields<ApiVersionsResponse> = {
  errorCode: int16,
  apiKeys: array(struct(apiVersionRangeV0)),
  throttleTimeMs: absent(0),
};

export const apiVersionsV0 = versionCodec(0, requestV0, responseV0);
