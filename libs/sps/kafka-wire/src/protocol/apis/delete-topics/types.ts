/**
 * DeleteTopics (API key 20), versions 0–3 — field names from Kafka's DeleteTopicsRequest.json /
 * DeleteTopicsResponse.json.
 */
export interface DeleteTopicsRequest {
  topicNames: string[];
  timeoutMs: number;
}

export interface DeleteTopicsResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  responses: DeletableTopicResult[];
}

export interface DeletableTopicResult {
  name: string;
  errorCode: number;
}
