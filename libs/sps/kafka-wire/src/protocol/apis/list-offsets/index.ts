import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type ListOffsetsRequest, type ListOffsetsResponse } from './types';
import { listOffsetsV0 } from './v0';
import { listOffsetsV1 } from './v1';
import { listOffsetsV2 } from './v2';
import { listOffsetsV3 } from './v3';
import { listOffsetsV4 } from './v4';
import { listOffsetsV5 } from './v5';

export * from './types';

/** ListOffsets (key 2), versions 0–5. */
export const listOffsetsApi: ApiCodec<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: ApiKey.ListOffsets,
  name: 'ListOffsets',
  versions: [
    listOffsetsV0,
    listOffsetsV1,
    listOffsetsV2,
    listOffsetsV3,
    listOffsetsV4,
    listOffsetsV5,
  ],
  flexibleFrom: 6,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        errorCode,
        oldStyleOffsets: [],
        timestamp: -1,
        offset: -1,
        leaderEpoch: -1,
      })),
    })),
  }),
};
