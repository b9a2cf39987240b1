/**
 * LeaveGroup (API key 13), versions 0–3 — field names from Kafka's LeaveGroupRequest.json /
 * LeaveGroupResponse.json.
 */
export interface LeaveGroupRequest {
  groupId: string;
  /** v0–2: the one member leaving. @default '' */
  memberId: string;
  /** v3+: a batch of members leaving (KIP-345). @default [] */
  members: LeaveGroupMemberIdentity[];
}

export interface LeaveGroupMemberIdentity {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
  /** v3+. @default [] */
  members: LeaveGroupMemberResponse[];
}

export interface LeaveGroupMemberResponse {
  memberId: string;
  groupInstanceId: string | null;
  errorCode: number;
}
