/**
 * Produce (API key 0), versions 0–8 — field names from Kafka's ProduceRequest.json /
 * ProduceResponse.json. Record sets stay raw bytes: the engine validates and stores them.
 */
export interface ProduceRequest {
  /** v3+; null unless the producer is transactional. @default null */
  transactionalId: string | null;
  /** 0 = no response at all, 1 = leader only, -1 = all in-sync replicas. */
  acks: number;
  timeoutMs: number;
  topicData: ProduceTopicData[];
}

export interface ProduceTopicData {
  name: string;
  partitionData: ProducePartitionData[];
}

export interface ProducePartitionData {
  index: number;
  /** The record set as sent: RecordBatch v2 (v3+), legacy message set (v0–2), or null. */
  records: Buffer | null;
}

export interface ProduceResponse {
  responses: ProduceTopicResponse[];
  /** v1+. @default 0 */
  throttleTimeMs: number;
}

export interface ProduceTopicResponse {
  name: string;
  partitionResponses: ProducePartitionResponse[];
}

export interface ProducePartitionResponse {
  index: number;
  errorCode: number;
  baseOffset: number;
  /** v2+; -1 unless the topic uses LogAppendTime. @default -1 */
  logAppendTimeMs: number;
  /** v5+. @default -1 */
  logStartOffset: number;
  /** v8+: per-record errors of a rejected batch (KIP-467). @default [] */
  recordErrors: ProduceRecordError[];
  /** v8+. @default null */
  errorMessage: string | null;
}

export interface ProduceRecordError {
  batchIndex: number;
  batchIndexErrorMessage: string | null;
}
