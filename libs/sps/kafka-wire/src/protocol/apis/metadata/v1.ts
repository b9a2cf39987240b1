import { versionCodec } from '../../api-codec';
import { array, bool, type Fields, int32, nullableArray, nullableStr, struct } from '../../fields';
import {
  type MetadataRequest,
  type MetadataResponse,
  type MetadataResponseBroker,
  type MetadataResponseTopic,
} from './types';
import { brokerV0, partitionV0, requestTopicV0, requestV0, responseV0, topicV0 } from './v0';

/**
 * Metadata Request (Version: 1) => [topics]
 *   topics => name   (nullable array: null = all topics, empty = none)
 *     name => STRING
 *
 * Metadata Response (Version: 1) => [brokers] controller_id [topics]
 *   brokers => node_id host port rack
 *     node_id => INT32
 *     host => STRING
 *     port => INT32
 *     rack => NULLABLE_STRING
 *   controller_id => INT32
 *   topics => error_code name is_internal [partitions]
 *     error_code => INT16
 *     name => STRING
 *     is_internal => BOOLEAN
 *     partitions => ...as in version 0
 */
export const requestV1: Fields<MetadataRequest> = {
  ...requestV0,
  topics: nullableArray(struct(requestTopicV0)),
};

export const brokerV1: Fields<MetadataResponseBroker> = { ...brokerV0, rack: nullableStr };
export const topicV1: Fields<MetadataResponseTopic> = {
  ...topicV0,
  isInternal: bool,
  partitions: array(struct(partitionV0)),
};
export const responseV1: Fields<MetadataResponse> = {
  ...responseV0,
  brokers: array(struct(brokerV1)),
  controllerId: int32,
  topics: array(struct(topicV1)),
};

export const metadataV1 = versionCodec(1, requestV1, responseV1);
