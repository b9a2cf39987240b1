import { versionCodec } from '../../api-codec';
import { type Fields, nullableStr } from '../../fields';
import { type MetadataResponse } from './types';
import { requestV1, responseV1 } from './v1';

/**
 * Metadata Request (Version: 2) => same as version 1.
 *
 * Metadata Response (Version: 2) => [brokers] cluster_id controller_id [topics]
 *   brokers => ...as in version 1
 *   cluster_id => NULLABLE_STRING
 *   controller_id => INT32
 *   topics => ...as in version 1
 */
export const requestV2 = requestV1;
export const responseV2: Fields<MetadataResponse> = { ...responseV1, clusterId: nullableStr };

export const metadataV2 = versionCodec(2, requestV2, responseV2);
