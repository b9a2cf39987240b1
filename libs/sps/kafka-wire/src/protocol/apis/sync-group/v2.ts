import { versionCodec } from '../../api-codec';
import { requestV1, responseV1 } from './v1';

/**
 * SyncGroup Request (Version: 2) => same as version 1.
 * SyncGroup Response (Version: 2) => same as version 1.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 */
export const requestV2 = requestV1;
export const responseV2 = responseV1;

export const syncGroupV2 = versionCodec(2, requestV2, responseV2);
