/**
 * FindCoordinator (API key 10), versions 0–2 — field names from Kafka's
 * FindCoordinatorRequest.json / FindCoordinatorResponse.json.
 */
export interface FindCoordinatorRequest {
  /** The group id (key type 0) or transactional id (key type 1). */
  key: string;
  /** v1+: 0 = group, 1 = transaction. @default 0 */
  keyType: number;
}

export interface FindCoordinatorResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
  /** v1+. @default null */
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
}
