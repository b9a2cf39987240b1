import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type CreatePartitionsRequest, type CreatePartitionsResponse } from './types';
import { createPartitionsV0 } from './v0';
import { createPartitionsV1 } from './v1';

export * from './types';

/** CreatePartitions (key 37), versions 0–1. */
export const createPartitionsApi: ApiCodec<CreatePartitionsRequest, CreatePartitionsResponse> = {
  apiKey: ApiKey.CreatePartitions,
  name: 'CreatePartitions',
  versions: [createPartitionsV0, createPartitionsV1],
  flexibleFrom: 2,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.topics.map((topic) => ({ name: topic.name, errorCode, errorMessage: null })),
  }),
};
