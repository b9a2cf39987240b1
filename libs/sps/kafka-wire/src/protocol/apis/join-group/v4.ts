import { versionCodec } from '../../api-codec';
import { requestV3, responseV3 } from './v3';

/**
 * JoinGroup Request (Version: 4) => same as version 3.
 * JoinGroup Response (Version: 4) => same as version 3.
 *
 * The bump means: the client handles MEMBER_ID_REQUIRED (79) — a first join with an empty
 * member id is answered with a generated id, and the client joins again with it (KIP-394).
 */
export const requestV4 = requestV3;
export const responseV4 = responseV3;

export const joinGroupV4 = versionCodec(4, requestV4, responseV4);
