/**
 * DeleteRecords (API key 21), versions 0–1 — field names from Kafka's
 * DeleteRecordsRequest.json / DeleteRecordsResponse.json.
 */
export interface DeleteRecordsRequest {
  topics: DeleteRecordsTopic[];
  timeoutMs: number;
}

export interface DeleteRecordsTopic {
  name: string;
  partitions: DeleteRecordsPartition[];
}

export interface DeleteRecordsPartition {
  partitionIndex: number;
  /** The new log start offset; -1 = the high watermark. */
  offset: number;
}

export interface DeleteRecordsResponse {
  throttleTimeMs: number;
  topics: DeleteRecordsTopicResult[];
}

export interface DeleteRecordsTopicResult {
  name: string;
  partitions: DeleteRecordsPartitionResult[];
}

export interface DeleteRecordsPartitionResult {
  partitionIndex: number;
  /** The log start offset after the deletion. */
  lowWatermark: number;
  errorCode: number;
}
