import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type DeleteRecordsRequest, type DeleteRecordsResponse } from './types';
import { deleteRecordsV0 } from './v0';
import { deleteRecordsV1 } from './v1';

export * from './types';

/** DeleteRecords (key 21), versions 0–1. */
export const deleteRecordsApi: ApiCodec<DeleteRecordsRequest, DeleteRecordsResponse> = {
  apiKey: ApiKey.DeleteRecords,
  name: 'DeleteRecords',
  versions: [deleteRecordsV0, deleteRecordsV1],
  flexibleFrom: 2,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => ({
        partitionIndex: p.partitionIndex,
        lowWatermark: -1,
        errorCode,
      })),
    })),
  }),
};
