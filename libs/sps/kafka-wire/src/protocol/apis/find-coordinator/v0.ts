import { versionCodec } from '../../api-codec';
import { absent, type Fields, int16, int32, str } from '../../fields';
import { type FindCoordinatorRequest, type FindCoordinatorResponse } from './types';

/**
 * FindCoordinator Request (Version: 0) => key
 *   key => STRING   (the group id)
 *
 * FindCoordinator Response (Version: 0) => error_code node_id host port
 *   error_code => INT16
 *   node_id => INT32
 *   host => STRING
 *   port => INT32
 */
export const requestV0: Fields<FindCoordinatorRequest> = { key: str, keyType: absent(0) };
export const responseV0: Fields<FindCoordinatorResponse> = {
  throttleTimeMs: absent(0),
  errorCode: int16,
  errorMessage: absent(null),
  nodeId: int32,
  host: str,
  port: int32,
};

export const findCoordinatorV0 = versionCodec(0, requestV0, responseV0);
