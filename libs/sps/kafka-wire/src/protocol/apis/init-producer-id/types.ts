/**
 * InitProducerId (API key 22), versions 0–1 — field names from Kafka's
 * InitProducerIdRequest.json / InitProducerIdResponse.json.
 */
export interface InitProducerIdRequest {
  /** null for an idempotent (non-transactional) producer. */
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  /** A JavaScript safe integer; -1 on error. */
  producerId: number;
  producerEpoch: number;
}
