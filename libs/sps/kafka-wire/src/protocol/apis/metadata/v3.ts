import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type MetadataResponse } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * Metadata Request (Version: 3) => same as version 2.
 *
 * Metadata Response (Version: 3) => throttle_time_ms [brokers] cluster_id controller_id [topics]
 *   throttle_time_ms => INT32
 *   ...then as in version 2
 */
export const requestV3 = requestV2;
export const responseV3: Fields<MetadataResponse> = { ...responseV2, throttleTimeMs: int32 };

export const metadataV3 = versionCodec(3, requestV3, responseV3);
