import { versionCodec } from '../../api-codec';
import { requestV4, responseV4 } from './v4';

/**
 * ListOffsets Request (Version: 5) => same as version 4.
 * ListOffsets Response (Version: 5) => same as version 4.
 *
 * The bump tells the broker the client understands OFFSET_NOT_AVAILABLE (78, KIP-207).
 * Version 6 is the first flexible version; we stop here.
 */
export const requestV5 = requestV4;
export const responseV5 = responseV4;

export const listOffsetsV5 = versionCodec(5, requestV5, responseV5);
