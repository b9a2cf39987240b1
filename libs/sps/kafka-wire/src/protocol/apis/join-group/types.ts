/**
 * JoinGroup (API key 11), versions 0–5 — field names from Kafka's JoinGroupRequest.json /
 * JoinGroupResponse.json.
 */
export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  /** v1+: -1 in v0, where Kafka uses the session timeout instead. @default -1 */
  rebalanceTimeoutMs: number;
  /** Empty on a member's first join. */
  memberId: string;
  /** v5+: static membership (KIP-345). @default null */
  groupInstanceId: string | null;
  /** "consumer" for consumer groups. */
  protocolType: string;
  protocols: JoinGroupRequestProtocol[];
}

export interface JoinGroupRequestProtocol {
  /** The assignor name, e.g. "RoundRobinAssigner" (kafkajs) or "range" (librdkafka). */
  name: string;
  metadata: Buffer;
}

export interface JoinGroupResponse {
  /** v2+. @default 0 */
  throttleTimeMs: number;
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  /** Every member's metadata for the leader; empty for followers. */
  members: JoinGroupResponseMember[];
}

export interface JoinGroupResponseMember {
  memberId: string;
  /** v5+. @default null */
  groupInstanceId: string | null;
  metadata: Buffer;
}
