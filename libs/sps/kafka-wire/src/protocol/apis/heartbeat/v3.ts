import { versionCodec } from '../../api-codec';
import { type Fields, nullableStr } from '../../fields';
import { type HeartbeatRequest } from './types';
import { requestV2, responseV2 } from './v2';

/**
 * Heartbeat Request (Version: 3) => group_id generation_id member_id group_instance_id
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *   group_instance_id => NULLABLE_STRING   (KIP-345)
 *
 * Heartbeat Response (Version: 3) => same as version 2.
 *
 * Version 4 is the first flexible version; we stop here.
 */
export const requestV3: Fields<HeartbeatRequest> = { ...requestV2, groupInstanceId: nullableStr };
export const responseV3 = responseV2;

export const heartbeatV3 = versionCodec(3, requestV3, responseV3);
