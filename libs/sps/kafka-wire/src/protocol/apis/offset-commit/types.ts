/**
 * OffsetCommit (API key 8), versions 0–7 — field names from Kafka's OffsetCommitRequest.json /
 * OffsetCommitResponse.json.
 */
export interface OffsetCommitRequest {
  groupId: string;
  /** v1+: -1 with an empty member id is a "simple" commit outside any generation. @default -1 */
  generationId: number;
  /** v1+. @default '' */
  memberId: string;
  /** v7+: static membership (KIP-345). @default null */
  groupInstanceId: string | null;
  /** v2–4 only: -1 = broker default retention. @default -1 */
  retentionTimeMs: number;
  topics: OffsetCommitRequestTopic[];
}

export interface OffsetCommitRequestTopic {
  name: string;
  partitions: OffsetCommitRequestPartition[];
}

export interface OffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: number;
  /** v6+. @default -1 */
  committedLeaderEpoch: number;
  /** v1 only. @default -1 */
  commitTimestamp: number;
  /** Free-form client metadata; round-trip it (Tansu found clients check it). */
  committedMetadata: string | null;
}

export interface OffsetCommitResponse {
  /** v3+. @default 0 */
  throttleTimeMs: number;
  topics: OffsetCommitResponseTopic[];
}

export interface OffsetCommitResponseTopic {
  name: string;
  partitions: OffsetCommitResponsePartition[];
}

export interface OffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
}
