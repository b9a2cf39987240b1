import { versionCodec } from '../../api-codec';
import { requestV0, responseV0 } from './v0';

/**
 * DeleteGroups Request (Version: 1) => same as version 0.
 * DeleteGroups Response (Version: 1) => same as version 0.
 *
 * The bump means: on a quota violation the broker answers first and throttles after (KIP-219).
 * Version 2 is the first flexible version; we stop here.
 */
export const requestV1 = requestV0;
export const responseV1 = responseV0;

export const deleteGroupsV1 = versionCodec(1, requestV1, responseV1);
