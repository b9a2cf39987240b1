import { versionCodec } from '../../api-codec';
import { type Fields, int32, int8, nullableStr } from '../../fields';
import { type FindCoordinatorRequest, type FindCoordinatorResponse } from './types';
import { requestV0, responseV0 } from './v0';

/**
 * FindCoordinator Request (Version: 1) => key key_type
 *   key => STRING
 *   key_type => INT8   (0 = group, 1 = transaction, KIP-98)
 *
 * FindCoordinator Response (Version: 1) => throttle_time_ms error_code error_message node_id host port
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   error_message => NULLABLE_STRING
 *   node_id => INT32
 *   host => STRING
 *   port => INT32
 */
export const requestV1: Fields<FindCoordinatorRequest> = { ...requestV0, keyType: int8 };
export const responseV1: Fields<FindCoordinatorResponse> = {
  ...responseV0,
  throttleTimeMs: int32,
  errorMessage: nullableStr,
};

export const findCoordinatorV1 = versionCodec(1, requestV1, responseV1);
