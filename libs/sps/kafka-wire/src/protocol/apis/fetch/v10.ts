import { versionCodec } from '../../api-codec';
import { requestV9, responseV9 } from './v9';

/**
 * Fetch Request (Version: 10) => same as version 9.
 * Fetch Response (Version: 10) => same as version 9.
 *
 * The bump announces ZStandard support (KIP-110): zstd batches may be returned.
 */
export const requestV10 = requestV9;
export const responseV10 = responseV9;

export const fetchV10 = versionCodec(10, requestV10, responseV10);
