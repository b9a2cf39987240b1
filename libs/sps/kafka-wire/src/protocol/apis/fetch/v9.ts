import { versionCodec } from '../../api-codec';
import { array, type Fields, int32, str, struct } from '../../fields';
import { type FetchPartition, type FetchRequest, type FetchTopic } from './types';
import { partitionV5 } from './v5';
import { requestV8, responseV8 } from './v8';

/**
 * Fetch Request (Version: 9) => ...as version 8, with
 *     partitions => partition current_leader_epoch fetch_offset log_start_offset partition_max_bytes
 *       partition => INT32
 *       current_leader_epoch => INT32   (KIP-320)
 *       fetch_offset => INT64
 *       log_start_offset => INT64
 *       partition_max_bytes => INT32
 *
 * Fetch Response (Version: 9) => same as version 8.
 */
export const partitionV9: Fields<FetchPartition> = { ...partitionV5, currentLeaderEpoch: int32 };
export const topicV9: Fields<FetchTopic> = { topic: str, partitions: array(struct(partitionV9)) };
export const requestV9: Fields<FetchRequest> = { ...requestV8, topics: array(struct(topicV9)) };
export const responseV9 = responseV8;

export const fetchV9 = versionCodec(9, requestV9, responseV9);
