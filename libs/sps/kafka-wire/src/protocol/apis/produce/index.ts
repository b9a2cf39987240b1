import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type ProduceRequest, type ProduceResponse } from './types';
import { produceV0 } from './v0';
import { produceV1 } from './v1';
import { produceV2 } from './v2';
import { produceV3 } from './v3';
import { produceV4 } from './v4';
import { produceV5 } from './v5';
import { produceV6 } from './v6';
import { produceV7 } from './v7';
import { produceV8 } from './v8';

export * from './types';

/** Produce (key 0), versions 0–8; acks=0 requests get no response at all. */
export const produceApi: ApiCodec<ProduceRequest, ProduceResponse> = {
  apiKey: ApiKey.Produce,
  name: 'Produce',
  versions: [
    produceV0,
    produceV1,
    produceV2,
    produceV3,
    produceV4,
    produceV5,
    produceV6,
    produceV7,
    produceV8,
  ],
  flexibleFrom: 9,
  expectsResponse: (request) => request.acks !== 0,
  errorResponse: (request, errorCode) => ({
    responses: request.topicData.map((topic) => ({
      name: topic.name,
      partitionResponses: topic.partitionData.map((partition) => ({
        index: partition.index,
        errorCode,
        baseOffset: -1,
        logAppendTimeMs: -1,
        logStartOffset: -1,
        recordErrors: [],
        errorMessage: null,
      })),
    })),
    throttleTimeMs: 0,
  }),
};
