import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type ProduceResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * Produce Request (Version: 1) => same as version 0 (v1 announces throttle_time_ms).
 *
 * Produce Response (Version: 1) => [responses] throttle_time_ms
 *   responses => name [partition_responses]
 *     name => STRING
 *     partition_responses => index error_code base_offset
 *       index => INT32
 *       error_code => INT16
 *       base_offset => INT64
 *   throttle_time_ms => INT32
 */
export const requestV1 = requestV0;
export const responseV1: Fields<ProduceResponse> = { ...responseV0, throttleTimeMs: int32 };

export const produceV1 = versionCodec(1, requestV1, responseV1);
