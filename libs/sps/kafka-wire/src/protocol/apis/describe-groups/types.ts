/**
 * DescribeGroups (API key 15), versions 0–4 — field names from Kafka's
 * DescribeGroupsRequest.json / DescribeGroupsResponse.json.
 */
export interface DescribeGroupsRequest {
  groups: string[];
  /** v3+ (KIP-430). @default false */
  includeAuthorizedOperations: boolean;
}

export interface DescribeGroupsResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  groups: DescribedGroup[];
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  /** Kafka's exact strings: Empty, PreparingRebalance, CompletingRebalance, Stable, Dead
   * (kafkajs admin refuses to reset offsets unless Empty or Dead). */
  groupState: string;
  protocolType: string;
  /** The chosen assignor name. */
  protocolData: string;
  members: DescribedGroupMember[];
  /** v3+ (-2^31 = not requested). @default -2147483648 */
  authorizedOperations: number;
}

export interface DescribedGroupMember {
  memberId: string;
  /** v4+ (KIP-345). @default null */
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
}
