import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type InitProducerIdRequest, type InitProducerIdResponse } from './types';
import { initProducerIdV0 } from './v0';
import { initProducerIdV1 } from './v1';

export * from './types';

/** InitProducerId (key 22), versions 0–1. */
export const initProducerIdApi: ApiCodec<InitProducerIdRequest, InitProducerIdResponse> = {
  apiKey: ApiKey.InitProducerId,
  name: 'InitProducerId',
  versions: [initProducerIdV0, initProducerIdV1],
  flexibleFrom: 2,
  errorResponse: (_request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    producerId: -1,
    producerEpoch: -1,
  }),
};
