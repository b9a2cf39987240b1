/**
 * Fetch (API key 1), versions 0–11 — field names from Kafka's FetchRequest.json /
 * FetchResponse.json. Record sets go out as raw bytes, exactly as stored.
 */
export interface FetchRequest {
  /** -1 for consumers; a broker id only for followers. */
  replicaId: number;
  maxWaitMs: number;
  minBytes: number;
  /** v3+: response size limit (soft: the first batch always fits, KIP-74). @default 0x7fffffff */
  maxBytes: number;
  /** v4+: 0 = READ_UNCOMMITTED, 1 = READ_COMMITTED. @default 0 */
  isolationLevel: number;
  /** v7+ (KIP-227 fetch sessions; 0 = none). @default 0 */
  sessionId: number;
  /** v7+ (-1 = no session). @default -1 */
  sessionEpoch: number;
  topics: FetchTopic[];
  /** v7+: partitions to drop from the fetch session. @default [] */
  forgottenTopicsData: FetchForgottenTopic[];
  /** v11+ (KIP-392). @default '' */
  rackId: string;
}

export interface FetchTopic {
  topic: string;
  partitions: FetchPartition[];
}

export interface FetchPartition {
  partition: number;
  /** v9+ (KIP-320). @default -1 */
  currentLeaderEpoch: number;
  fetchOffset: number;
  /** v5+: only meaningful from followers. @default -1 */
  logStartOffset: number;
  partitionMaxBytes: number;
}

export interface FetchForgottenTopic {
  topic: string;
  partitions: number[];
}

export interface FetchResponse {
  /** v1+. @default 0 */
  throttleTimeMs: number;
  /** v7+: top-level error (fetch sessions). @default 0 */
  errorCode: number;
  /** v7+. @default 0 */
  sessionId: number;
  responses: FetchableTopicResponse[];
}

export interface FetchableTopicResponse {
  topic: string;
  partitions: FetchPartitionData[];
}

export interface FetchPartitionData {
  partitionIndex: number;
  errorCode: number;
  highWatermark: number;
  /** v4+. @default -1 */
  lastStableOffset: number;
  /** v5+. @default -1 */
  logStartOffset: number;
  /** v4+: aborted transactions in the returned range (READ_COMMITTED). @default null */
  abortedTransactions: FetchAbortedTransaction[] | null;
  /** v11+: -1 = fetch from the leader. @default -1 */
  preferredReadReplica: number;
  /** Whole record batches as stored. Send an empty buffer, not null, for "no data":
   * librdkafka rejects a null (-1) MessageSet size (franz-go kfake, 01_fetch.go). */
  records: Buffer | null;
}

export interface FetchAbortedTransaction {
  producerId: number;
  firstOffset: number;
}
