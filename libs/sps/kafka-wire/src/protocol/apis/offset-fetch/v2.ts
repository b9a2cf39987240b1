import { versionCodec } from '../../api-codec';
import { type Fields, int16, nullableArray, struct } from '../../fields';
import { type OffsetFetchRequest, type OffsetFetchResponse } from './types';
import { requestTopicV0 } from './v0';
import { requestV1, responseV1 } from './v1';

/**
 * OffsetFetch Request (Version: 2) => group_id [topics]
 *   group_id => STRING
 *   topics => name [partition_indexes]   (nullable: null = all committed partitions)
 *     name => STRING
 *     partition_indexes => INT32
 *
 * OffsetFetch Response (Version: 2) => [topics] error_code
 *   topics => name [partitions]   (as in version 0)
 *   error_code => INT16
 */
export const requestV2: Fields<OffsetFetchRequest> = {
  ...requestV1,
  topics: nullableArray(struct(requestTopicV0)),
};
export const responseV2: Fields<OffsetFetchResponse> = { ...responseV1, errorCode: int16 };

export const offsetFetchV2 = versionCodec(2, requestV2, responseV2);
