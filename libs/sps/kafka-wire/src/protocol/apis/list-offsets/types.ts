/**
 * ListOffsets (API key 2), versions 0–5 — field names from Kafka's ListOffsetsRequest.json /
 * ListOffsetsResponse.json.
 */
export interface ListOffsetsRequest {
  /** -1 for consumers. */
  replicaId: number;
  /** v2+: 0 = READ_UNCOMMITTED (latest = HW), 1 = READ_COMMITTED (latest = LSO). @default 0 */
  isolationLevel: number;
  topics: ListOffsetsTopic[];
}

export interface ListOffsetsTopic {
  name: string;
  partitions: ListOffsetsPartition[];
}

export interface ListOffsetsPartition {
  partitionIndex: number;
  /** v4+ (KIP-320). @default -1 */
  currentLeaderEpoch: number;
  /** -1 = latest, -2 = earliest, >= 0 = first offset whose timestamp is >= this. */
  timestamp: number;
  /** v0 only: how many offsets to return (old "offsets before" API). @default 1 */
  maxNumOffsets: number;
}

export interface ListOffsetsResponse {
  /** v2+. @default 0 */
  throttleTimeMs: number;
  topics: ListOffsetsTopicResponse[];
}

export interface ListOffsetsTopicResponse {
  name: string;
  partitions: ListOffsetsPartitionResponse[];
}

export interface ListOffsetsPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  /** v0 only: the offsets, newest first. @default [] */
  oldStyleOffsets: number[];
  /** v1+: timestamp of the found record, -1 if none. @default -1 */
  timestamp: number;
  /** v1+: the found offset, -1 if none. @default -1 */
  offset: number;
  /** v4+. @default -1 */
  leaderEpoch: number;
}
