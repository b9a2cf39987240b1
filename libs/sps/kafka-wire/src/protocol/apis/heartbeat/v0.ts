import { versionCodec } from '../../api-codec';
import { absent, type Fields, int16, int32, str } from '../../fields';
import { type HeartbeatRequest, type HeartbeatResponse } from './types';

/**
 * Heartbeat Request (Version: 0) => group_id generation_id member_id
 *   group_id => STRING
 *   generation_id => INT32
 *   member_id => STRING
 *
 * Heartbeat Response (Version: 0) => error_code
 *   error_code => INT16
 */
export const requestV0: Fields<HeartbeatRequest> = {
  groupId: str,
  generationId: int32,
  memberId: str,
  groupInstanceId: absent(null),
};
export const responseV0: Fields<HeartbeatResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
};

export const heartbeatV0 = versionCodec(0, requestV0, responseV0);
