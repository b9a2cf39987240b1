/**
 * ApiVersions (API key 18), versions 0–2 — field names from Kafka's ApiVersionsRequest.json /
 * ApiVersionsResponse.json. v3+ (flexible) requests are answered in the v0 layout with
 * UNSUPPORTED_VERSION, which is what Kafka itself does for a version it does not know.
 */
export type ApiVersionsRequest = Record<string, never>;

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: ApiVersionRange[];
  /** v1+. @default 0 */
  throttleTimeMs: number;
}

export interface ApiVersionRange {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}
