import { versionCodec } from '../../api-codec';
import { requestV7, responseV7 } from './v7';

/**
 * Fetch Request (Version: 8) => same as version 7.
 * Fetch Response (Version: 8) => same as version 7.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 */
export const requestV8 = requestV7;
export const responseV8 = responseV7;

export const fetchV8 = versionCodec(8, requestV8, responseV8);
