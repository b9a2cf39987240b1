import { versionCodec } from '../../api-codec';
import {
  absent,
  absentArray,
  array,
  type Fields,
  int16,
  int32,
  int64,
  records,
  str,
  struct,
} from '../../fields';
import {
  type FetchableTopicResponse,
  type FetchPartition,
  type FetchPartitionData,
  type FetchRequest,
  type FetchResponse,
  type FetchTopic,
} from './types';

/**
 * Fetch Request (Version: 0) => replica_id max_wait_ms min_bytes [topics]
 *   replica_id => INT32
 *   max_wait_ms => INT32
 *   min_bytes => INT32
 *   topics => topic [partitions]
 *     topic => STRING
 *     partitions => partition fetch_offset partition_max_bytes
 *       partition => INT32
 *       fetch_offset => INT64
 *       partition_max_bytes => INT32
 *
 * Fetch Response (Version: 0) => [responses]
 *   responses => topic [partitions]
 *     topic => STRING
 *     partitions => partition_index error_code high_watermark records
 *       partition_index => INT32
 *       error_code => INT16
 *       high_watermark => INT64
 *       records => RECORDS
 */
export const partitionV0: Fields<FetchPartition> = {
  partition: int32,
  currentLeaderEpoch: absent(-1),
  fetchOffset: int64,
  logStartOffset: absent(-1),
  partitionMaxBytes: int32,
};
export const topicV0: Fields<FetchTopic> = { topic: str, partitions: array(struct(partitionV0)) };
export const requestV0: Fields<FetchRequest> = {
  replicaId: int32,
  maxWaitMs: int32,
  minBytes: int32,
  maxBytes: absent(0x7fffffff),
  isolationLevel: absent(0),
  sessionId: absent(0),
  sessionEpoch: absent(-1),
  topics: array(struct(topicV0)),
  forgottenTopicsData: absentArray(),
  rackId: absent(''),
};

export const partitionDataV0: Fields<FetchPartitionData> = {
  partitionIndex: int32,
  errorCode: int16,
  highWatermark: int64,
  lastStableOffset: absent(-1),
  logStartOffset: absent(-1),
  abortedTransactions: absent(null),
  preferredReadReplica: absent(-1),
  records,
};
export const topicResponseV0: Fields<FetchableTopicResponse> = {
  topic: str,
  partitions: array(struct(partitionDataV0)),
};
export const responseV0: Fields<FetchResponse> = {
  throttleTimeMs: absent(0),
  errorCode: absent(0),
  sessionId: absent(0),
  responses: array(struct(topicResponseV0)),
};

export const fetchV0 = versionCodec(0, requestV0, responseV0);
