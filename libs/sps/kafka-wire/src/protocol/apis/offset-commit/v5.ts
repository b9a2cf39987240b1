import { versionCodec } from '../../api-codec';
import { absent, type Fields } from '../../fields';
import { type OffsetCommitRequest } from './types';
import { requestV4, responseV4 } from './v4';

/**
 * OffsetCommit Request (Version: 5) => group_id generation_id member_id [topics]
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   topics => name [partitions]   (as in version 2)
 *
 * OffsetCommit Response (Version: 5) => same as version 4.
 *
 * retention_time_ms is gone: retention is the broker's setting (KIP-211). kafkajs sends v5.
 */
export const requestV5: Fields<OffsetCommitRequest> = { ...requestV4, retentionTimeMs: absent(-1) };
export const responseV5 = responseV4;

export const offsetCommitV5 = versionCodec(5, requestV5, responseV5);
