import { versionCodec } from '../../api-codec';
import { type Fields, int32, int8 } from '../../fields';
import { type ListOffsetsRequest, type ListOffsetsResponse } from './types';
import { requestV1, responseV1 } from './v1';

/**
 * ListOffsets Request (Version: 2) => replica_id isolation_level [topics]
 *   replica_id => INT32
 *   isolation_level => INT8
 *   topics => name [partitions]   (as in version 1)
 *
 * ListOffsets Response (Version: 2) => throttle_time_ms [topics]
 *   throttle_time_ms => INT32
 *   topics => name [partitions]   (as in version 1)
 */
export const requestV2: Fields<ListOffsetsRequest> = { ...requestV1, isolationLevel: int8 };
export const responseV2: Fields<ListOffsetsResponse> = { ...responseV1, throttleTimeMs: int32 };

export const listOffsetsV2 = versionCodec(2, requestV2, responseV2);
