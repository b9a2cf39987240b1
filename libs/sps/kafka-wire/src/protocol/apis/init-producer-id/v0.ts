import { versionCodec } from '../../api-codec';
import { type Fields, int16, int32, int64, nullableStr } from '../../fields';
import { type InitProducerIdRequest, type InitProducerIdResponse } from './types';

/**
 * InitProducerId Request (Version: 0) => transactional_id transaction_timeout_ms
 *   transactional_id => NULLABLE_STRING
 *   transaction_timeout_ms => INT32
 *
 * InitProducerId Response (Version: 0) => throttle_time_ms error_code producer_id producer_epoch
 *   throttle_time_ms => INT32
 *   error_code => INT16
 *   producer_id => INT64
 *   producer_epoch => INT16
 */
export const requestV0: Fields<InitProducerIdRequest> = {
  transactionalId: nullableStr,
  transactionTimeoutMs: int32,
};
export const responseV0: Fields<InitProducerIdResponse> = {
  throttleTimeMs: int32,
  errorCode: int16,
  producerId: int64,
  producerEpoch: int16,
};

export const initProducerIdV0 = versionCodec(0, requestV0, responseV0);
