import { versionCodec } from '../../api-codec';
import { requestV3, responseV3 } from './v3';

/**
 * OffsetFetch Request (Version: 4) => same as version 3.
 * OffsetFetch Response (Version: 4) => same as version 3.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 */
export const requestV4 = requestV3;
export const responseV4 = responseV3;

export const offsetFetchV4 = versionCodec(4, requestV4, responseV4);
