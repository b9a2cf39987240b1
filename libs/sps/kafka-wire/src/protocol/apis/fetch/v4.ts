import { versionCodec } from '../../api-codec';
import { array, type Fields, int64, int8, nullableArray, str, struct } from '../../fields';
import {
  type FetchableTopicResponse,
  type FetchAbortedTransaction,
  type FetchPartitionData,
  type FetchRequest,
  type FetchResponse,
} from './types';
import { partitionDataV0 } from './v0';
import { requestV3, responseV3 } from './v3';

/**
 * Fetch Request (Version: 4) => replica_id max_wait_ms min_bytes max_bytes isolation_level [topics]
 *   replica_id => INT32
 *   max_wait_ms => INT32
 *   min_bytes => INT32
 *   max_bytes => INT32
 *   isolation_level => INT8
 *   topics => topic [partitions]   (as in version 0)
 *
 * Fetch Response (Version: 4) => throttle_time_ms [responses]
 *   throttle_time_ms => INT32
 *   responses => topic [partitions]
 *     topic => STRING
 *     partitions => partition_index error_code high_watermark last_stable_offset [aborted_transactions] records
 *       partition_index => INT32
 *       error_code => INT16
 *       high_watermark => INT64
 *       last_stable_offset => INT64
 *       aborted_transactions => producer_id first_offset   (nullable array)
 *         producer_id => INT64
 *         first_offset => INT64
 *       records => RECORDS   (RecordBatch v2 possible from here, KIP-98)
 */
export const requestV4: Fields<FetchRequest> = { ...requestV3, isolationLevel: int8 };

export const abortedTransactionV4: Fields<FetchAbortedTransaction> = {
  producerId: int64,
  firstOffset: int64,
};
export const partitionDataV4: Fields<FetchPartitionData> = {
  ...partitionDataV0,
  lastStableOffset: int64,
  abortedTransactions: nullableArray(struct(abortedTransactionV4)),
};
export const topicResponseV4: Fields<FetchableTopicResponse> = {
  topic: str,
  partitions: array(struct(partitionDataV4)),
};
export const responseV4: Fields<FetchResponse> = {
  ...responseV3,
  responses: array(struct(topicResponseV4)),
};

export const fetchV4 = versionCodec(4, requestV4, responseV4);
