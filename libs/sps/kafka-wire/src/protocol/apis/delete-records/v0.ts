import { versionCodec } from '../../api-codec';
import { array, type Fields, int16, int32, int64, str, struct } from '../../fields';
import {
  type DeleteRecordsPartition,
  type DeleteRecordsPartitionResult,
  type DeleteRecordsRequest,
  type DeleteRecordsResponse,
  type DeleteRecordsTopic,
  type DeleteRecordsTopicResult,
} from './types';

/**
 * DeleteRecords Request (Version: 0) => [topics] timeout_ms
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index offset
 *       partition_index => INT32
 *       offset => INT64
 *   timeout_ms => INT32
 *
 * DeleteRecords Response (Version: 0) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]
 *     name => STRING
 *     partitions => partition_index low_watermark error_code
 *       partition_index => INT32
 *       low_watermark => INT64
 *       error_code => INT16
 */
export const partitionV0: Fields<DeleteRecordsPartition> = { partitionIndex: int32, offset: int64 };
export const topicV0: Fields<DeleteRecordsTopic> = {
  name: str,
  partitions: array(struct(partitionV0)),
};
export const requestV0: Fields<DeleteRecordsRequest> = {
  topics: array(struct(topicV0)),
  timeoutMs: int32,
};

export const partitionResultV0: Fields<DeleteRecordsPartitionResult> = {
  partitionIndex: int32,
  lowWatermark: int64,
  errorCode: int16,
};
export const topicResultV0: Fields<DeleteRecordsTopicResult> = {
  name: str,
  partitions: array(struct(partitionResultV0)),
};
export const responseV0: Fields<DeleteRecordsResponse> = {
  throttleTimeMs: int32,
  topics: array(struct(topicResultV0)),
};

export const deleteRecordsV0 = versionCodec(0, requestV0, responseV0);
