import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type CreateTopicsRequest, type CreateTopicsResponse } from './types';
import { createTopicsV0 } from './v0';
import { createTopicsV1 } from './v1';
import { createTopicsV2 } from './v2';
import { createTopicsV3 } from './v3';
import { createTopicsV4 } from './v4';

export * from './types';

/** CreateTopics (key 19), versions 0–4. */
export const createTopicsApi: ApiCodec<CreateTopicsRequest, CreateTopicsResponse> = {
  apiKey: ApiKey.CreateTopics,
  name: 'CreateTopics',
  versions: [createTopicsV0, createTopicsV1, createTopicsV2, createTopicsV3, createTopicsV4],
  flexibleFrom: 5,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({ name: topic.name, errorCode, errorMessage: null })),
  }),
};
