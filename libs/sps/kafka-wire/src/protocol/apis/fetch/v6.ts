import { versionCodec } from '../../api-codec';
import { requestV5, responseV5 } from './v5';

/**
 * Fetch Request (Version: 6) => same as version 5.
 * Fetch Response (Version: 6) => same as version 5.
 *
 * The bump tells the broker the client understands KAFKA_STORAGE_ERROR (56, KIP-112).
 */
export const requestV6 = requestV5;
export const responseV6 = responseV5;

export const fetchV6 = versionCodec(6, requestV6, responseV6);
