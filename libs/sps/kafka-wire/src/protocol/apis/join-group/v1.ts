import { versionCodec } from '../../api-codec';
import { type Fields, int32 } from '../../fields';
import { type JoinGroupRequest } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * JoinGroup Request (Version: 1) => group_id session_timeout_ms rebalance_timeout_ms member_id protocol_type [protocols]
 *   group_id => STRING
 *   session_timeout_ms => INT32
 *   rebalance_timeout_ms => INT32   (KIP-62)
 *   member_id => STRING
 *   protocol_type => STRING
 *   protocols => name metadata   (as in version 0)
 *
 * JoinGroup Response (Version: 1) => same as version 0.
 */
export const requestV1: Fields<JoinGroupRequest> = { ...requestV0, rebalanceTimeoutMs: int32 };
export const responseV1 = responseV0;

export const joinGroupV1 = versionCodec(1, requestV1, responseV1);
