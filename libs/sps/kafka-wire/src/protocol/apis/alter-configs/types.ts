/**
 * AlterConfigs (API key 33), versions 0–1 — field names from Kafka's AlterConfigsRequest.json /
 * AlterConfigsResponse.json. (Replaces the resource's whole config; IncrementalAlterConfigs
 * is not served, see SKIPPED_FEATURES.md.)
 */
export interface AlterConfigsRequest {
  resources: AlterConfigsResource[];
  validateOnly: boolean;
}

export interface AlterConfigsResource {
  /** 2 = topic, 4 = broker. */
  resourceType: number;
  resourceName: string;
  configs: AlterableConfig[];
}

export interface AlterableConfig {
  name: string;
  value: string | null;
}

export interface AlterConfigsResponse {
  throttleTimeMs: number;
  responses: AlterConfigsResourceResponse[];
}

export interface AlterConfigsResourceResponse {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
}
