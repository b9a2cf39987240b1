/**
 * DescribeConfigs (API key 32), versions 0–2 — field names from Kafka's
 * DescribeConfigsRequest.json / DescribeConfigsResponse.json.
 */
export interface DescribeConfigsRequest {
  resources: DescribeConfigsResource[];
  /** v1+. @default false */
  includeSynonyms: boolean;
}

export interface DescribeConfigsResource {
  /** 2 = topic, 4 = broker (ConfigResource.Type). */
  resourceType: number;
  resourceName: string;
  /** null = every config of the resource. */
  configurationKeys: string[] | null;
}

export interface DescribeConfigsResponse {
  throttleTimeMs: number;
  results: DescribeConfigsResult[];
}

export interface DescribeConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribeConfigsResourceResult[];
}

export interface DescribeConfigsResourceResult {
  name: string;
  value: string | null;
  readOnly: boolean;
  /** v0 only (v1+ says it with configSource). @default false */
  isDefault: boolean;
  /** v1+: 1 topic, 4 static broker, 5 default, ... (DescribeConfigsResponse.ConfigSource). @default -1 */
  configSource: number;
  isSensitive: boolean;
  /** v1+. @default [] */
  synonyms: DescribeConfigsSynonym[];
}

export interface DescribeConfigsSynonym {
  name: string;
  value: string | null;
  source: number;
}
