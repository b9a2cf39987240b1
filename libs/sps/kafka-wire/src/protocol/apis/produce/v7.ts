import { versionCodec } from '../../api-codec';
import { requestV6, responseV6 } from './v6';

/**
 * Produce Request (Version: 7) => same as version 6.
 * Produce Response (Version: 7) => same as version 6.
 *
 * The bump announces ZStandard support (KIP-110): a zstd batch in an older version gets
 * UNSUPPORTED_COMPRESSION_TYPE (76).
 */
export const requestV7 = requestV6;
export const responseV7 = responseV6;

export const produceV7 = versionCodec(7, requestV7, responseV7);
