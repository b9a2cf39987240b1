/**
 * CreatePartitions (API key 37), versions 0–1 — field names from Kafka's
 * CreatePartitionsRequest.json / CreatePartitionsResponse.json.
 */
export interface CreatePartitionsRequest {
  topics: CreatePartitionsTopic[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreatePartitionsTopic {
  name: string;
  /** The new total partition count. */
  count: number;
  /** Replica placement of the new partitions; null = let the broker decide. */
  assignments: CreatePartitionsAssignment[] | null;
}

export interface CreatePartitionsAssignment {
  brokerIds: number[];
}

export interface CreatePartitionsResponse {
  throttleTimeMs: number;
  results: CreatePartitionsTopicResult[];
}

export interface CreatePartitionsTopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}
