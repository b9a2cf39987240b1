import { versionCodec } from '../../api-codec';
import { requestV3, responseV3 } from './v3';

/**
 * Produce Request (Version: 4) => same as version 3.
 * Produce Response (Version: 4) => same as version 3.
 *
 * The bump tells the broker the client understands KAFKA_STORAGE_ERROR (56, KIP-112).
 */
export const requestV4 = requestV3;
export const responseV4 = responseV3;

export const produceV4 = versionCodec(4, requestV4, responseV4);
