import { versionCodec } from '../../api-codec';
import { requestV5, responseV5 } from './v5';

/**
 * Metadata Request (Version: 6) => same as version 5.
 * Metadata Response (Version: 6) => same as version 5.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * kafkajs 2.2.4 stops here.
 */
export const requestV6 = requestV5;
export const responseV6 = responseV5;

export const metadataV6 = versionCodec(6, requestV6, responseV6);
