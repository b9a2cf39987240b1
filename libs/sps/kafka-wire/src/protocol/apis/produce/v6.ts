import { versionCodec } from '../../api-codec';
import { requestV5, responseV5 } from './v5';

/**
 * Produce Request (Version: 6) => same as version 5.
 * Produce Response (Version: 6) => same as version 5.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 */
export const requestV6 = requestV5;
export const responseV6 = responseV5;

export const produceV6 = versionCodec(6, requestV6, responseV6);
