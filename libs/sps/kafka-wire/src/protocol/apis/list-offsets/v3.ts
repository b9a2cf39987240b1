import { versionCodec } from '../../api-codec';
import { requestV2, responseV2 } from './v2';

/**
 * ListOffsets Request (Version: 3) => same as version 2.
 * ListOffsets Response (Version: 3) => same as version 2.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 */
export const requestV3 = requestV2;
export const responseV3 = responseV2;

export const listOffsetsV3 = versionCodec(3, requestV3, responseV3);
