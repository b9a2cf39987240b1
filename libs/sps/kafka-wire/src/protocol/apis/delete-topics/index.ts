import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type DeleteTopicsRequest, type DeleteTopicsResponse } from './types';
import { deleteTopicsV0 } from './v0';
import { deleteTopicsV1 } from './v1';
import { deleteTopicsV2 } from './v2';
import { deleteTopicsV3 } from './v3';

export * from './types';

/** DeleteTopics (key 20), versions 0–3. */
export const deleteTopicsApi: ApiCodec<DeleteTopicsRequest, DeleteTopicsResponse> = {
  apiKey: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  versions: [deleteTopicsV0, deleteTopicsV1, deleteTopicsV2, deleteTopicsV3],
  flexibleFrom: 4,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    responses: request.topicNames.map((name) => ({ name, errorCode })),
  }),
};
