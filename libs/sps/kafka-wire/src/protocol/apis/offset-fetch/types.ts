/**
 * OffsetFetch (API key 9), versions 0–5 — field names from Kafka's OffsetFetchRequest.json /
 * OffsetFetchResponse.json.
 */
export interface OffsetFetchRequest {
  groupId: string;
  /** null = every partition the group committed (v2+); v0–1 always carry a list. */
  topics: OffsetFetchRequestTopic[] | null;
}

export interface OffsetFetchRequestTopic {
  name: string;
  partitionIndexes: number[];
}

export interface OffsetFetchResponse {
  /** v3+. @default 0 */
  throttleTimeMs: number;
  topics: OffsetFetchResponseTopic[];
  /** v2+: group-level error. @default 0 */
  errorCode: number;
}

export interface OffsetFetchResponseTopic {
  name: string;
  partitions: OffsetFetchResponsePartition[];
}

export interface OffsetFetchResponsePartition {
  partitionIndex: number;
  /** -1 when nothing is committed. */
  committedOffset: number;
  /** v5+. @default -1 */
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
}
