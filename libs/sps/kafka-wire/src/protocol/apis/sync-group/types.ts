/**
 * SyncGroup (API key 14), versions 0–3 — field names from Kafka's SyncGroupRequest.json /
 * SyncGroupResponse.json.
 */
export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  /** v3+ (KIP-345). @default null */
  groupInstanceId: string | null;
  /** The leader sends every member's assignment; followers send none. */
  assignments: SyncGroupRequestAssignment[];
}

export interface SyncGroupRequestAssignment {
  memberId: string;
  /** Opaque to the broker (ConsumerProtocol MemberAssignment for consumers). */
  assignment: Buffer;
}

export interface SyncGroupResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
  assignment: Buffer;
}
