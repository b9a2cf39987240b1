/**
 * Heartbeat (API key 12), versions 0–3 — field names from Kafka's HeartbeatRequest.json /
 * HeartbeatResponse.json.
 */
export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  /** v3+ (KIP-345). @default null */
  groupInstanceId: string | null;
}

export interface HeartbeatResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
}
