import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type OffsetFetchRequest, type OffsetFetchResponse } from './types';
import { offsetFetchV0 } from './v0';
import { offsetFetchV1 } from './v1';
import { offsetFetchV2 } from './v2';
import { offsetFetchV3 } from './v3';
import { offsetFetchV4 } from './v4';
import { offsetFetchV5 } from './v5';

export * from './types';

/** OffsetFetch (key 9), versions 0–5. */
export const offsetFetchApi: ApiCodec<OffsetFetchRequest, OffsetFetchResponse> = {
  apiKey: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  versions: [
    offsetFetchV0,
    offsetFetchV1,
    offsetFetchV2,
    offsetFetchV3,
    offsetFetchV4,
    offsetFetchV5,
  ],
  flexibleFrom: 6,
  // v2+ carries the group-level code; v0–1 only have per-partition codes, so set both.
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: (request.topics ?? []).map((topic) => ({
      name: topic.name,
      partitions: topic.partitionIndexes.map((partitionIndex) => ({
        partitionIndex,
        committedOffset: -1,
        committedLeaderEpoch: -1,
        metadata: null,
        errorCode,
      })),
    })),
    errorCode,
  }),
};
