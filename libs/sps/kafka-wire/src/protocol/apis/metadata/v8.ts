import { versionCodec } from '../../api-codec';
import { array, bool, type Fields, int32, struct } from '../../fields';
import { type MetadataRequest, type MetadataResponse, type MetadataResponseTopic } from './types';
import { requestV7, responseV7, topicV7 } from './v7';

/**
 * Metadata Request (Version: 8) => [topics] allow_auto_topic_creation include_cluster_authorized_operations include_topic_authorized_operations
 *   topics => name   (nullable)
 *     name => STRING
 *   allow_auto_topic_creation => BOOLEAN
 *   include_cluster_authorized_operations => BOOLEAN
 *   include_topic_authorized_operations => BOOLEAN
 *
 * Metadata Response (Version: 8) => throttle_time_ms [brokers] cluster_id controller_id [topics] cluster_authorized_operations
 *   ...as in version 7, with
 *   topics => error_code name is_internal [partitions] topic_authorized_operations
 *     topic_authorized_operations => INT32
 *   cluster_authorized_operations => INT32
 *
 * Authorized operations are KIP-430 (-2^31 = not requested). librdkafka 2.15 sends v8.
 * Version 9 is the first flexible version; we stop here.
 */
export const requestV8: Fields<MetadataRequest> = {
  ...requestV7,
  includeClusterAuthorizedOperations: bool,
  includeTopicAuthorizedOperations: bool,
};
export const topicV8: Fields<MetadataResponseTopic> = {
  ...topicV7,
  topicAuthorizedOperations: int32,
};
export const responseV8: Fields<MetadataResponse> = {
  ...responseV7,
  topics: array(struct(topicV8)),
  clusterAuthorizedOperations: int32,
};

export const metadataV8 = versionCodec(8, requestV8, responseV8);
