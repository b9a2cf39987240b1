import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type FetchRequest } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * Fetch Request (Version: 3) => replica_id max_wait_ms min_bytes max_bytes [topics]
 *   replica_id => INT32
 *   max_wait_ms => INT32
 *   min_bytes => INT32
 *   max_bytes => INT32
 *   topics => topic [partitions]   (as in version 0)
 *
 * Fetch Response (Version: 3) => same as version 2.
 *
 * From v3 partitions are served in request order and max_bytes is soft (KIP-74).
 */
export const requestV3: Fields<FetchRequest> = { ...requestV2, maxBytes: int32 };
export const responseV3 = responseV2;

export const fetchV3 = versionCodec(3, requestV3, responseV3);
