import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, struct } from '../../fields';
import {
  type MetadataResponse,
  type MetadataResponsePartition,
  type MetadataResponseTopic,
} from './types';
import { partitionV5, topicV5 } from './v5';
import { requestV6, responseV6 } from './v6';

/**
 * Metadata Request (Version: 7) => same as version 6.
 *
 * Metadata Response (Version: 7) => throttle_time_ms [brokers] cluster_id controller_id [topics]
 *   ...as in version 6, with
 *     partitions => error_code partition_index leader_id leader_epoch [replica_nodes] [isr_nodes] [offline_replicas]
 *       leader_epoch => INT32   (KIP-320)
 */
export const requestV7 = requestV6;
export const partitionV7: Fields<MetadataResponsePartition> = {
  ...partitionV5,
  leaderEpoch: int32,
};
export const topicV7: Fields<MetadataResponseTopic> = {
  ...topicV5,
  partitions: array(struct(partitionV7)),
};
export const responseV7: Fields<MetadataResponse> = {
  ...responseV6,
  topics: array(struct(topicV7)),
};

export const metadataV7 = versionCodec(7, requestV7, responseV7);
