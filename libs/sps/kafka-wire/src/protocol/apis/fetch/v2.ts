import { versionCodec } from '../../api-codec';
import { requestV1, responseV1 } from './v1';

/**
 * Fetch Request (Version: 2) => same as version 1.
 * Fetch Response (Version: 2) => same as version 1.
 *
 * The bump means the records may use message format v1 (timestamps, KIP-32).
 */
export const requestV2 = requestV1;
export const responseV2 = responseV1;

export const fetchV2 = versionCodec(2, requestV2, responseV2);
