import { versionCodec } from '../../api-codec';
import { array, bool, type Fields, int32, struct } from '../../fields';
import {
  type MetadataResponse,
  type MetadataResponsePartition,
  type MetadataResponseTopic,
} from './types';
import { partitionV0, topicV0 } from './v0';
import { requestV4, responseV4 } from './v4';

/**
 * Metadata Request (Version: 5) => same as version 4.
 *
 * Metadata Response (Version: 5) => throttle_time_ms [brokers] cluster_id controller_id [topics]
 *   ...as in version 4, with
 *     partitions => error_code partition_index leader_id [replica_nodes] [isr_nodes] [offline_replicas]
 *       offline_replicas => INT32
 */
export const requestV5 = requestV4;
export const partitionV5: Fields<MetadataResponsePartition> = {
  ...partitionV0,
  offlineReplicas: array(int32),
};
export const topicV5: Fields<MetadataResponseTopic> = {
  ...topicV0,
  isInternal: bool,
  partitions: array(struct(partitionV5)),
};
export const responseV5: Fields<MetadataResponse> = {
  ...responseV4,
  topics: array(struct(topicV5)),
};

export const metadataV5 = versionCodec(5, requestV5, responseV5);
