import { versionCodec } from '../../api-codec';
import { type Fields, nullableStr } from '../../fields';
import { type OffsetCommitRequest } from './types';
import { requestV6, responseV6 } from './v6';

/**
 * OffsetCommit Request (Version: 7) => group_id generation_id member_id group_instance_id [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING   (KIP-345)
 *   topics => name [partitions]   (as in version 6)
 *
 * OffsetCommit Response (Version: 7) => same as version 6.
 *
 * librdkafka 2.x sends v7. Version 8 is the first flexible version; we stop here.
 */
export const requestV7: Fields<OffsetCommitRequest> = {
  ...requestV6,
  groupInstanceId: nullableStr,
};
export const responseV7 = responseV6;

export const offsetCommitV7 = versionCodec(7, requestV7, responseV7);
