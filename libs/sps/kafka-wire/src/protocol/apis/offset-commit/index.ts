import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type OffsetCommitRequest, type OffsetCommitResponse } from './types';
import { offsetCommitV0 } from './v0';
import { offsetCommitV1 } from './v1';
import { offsetCommitV2 } from './v2';
import { offsetCommitV3 } from './v3';
import { offsetCommitV4 } from './v4';
import { offsetCommitV5 } from './v5';
import { offsetCommitV6 } from './v6';
import { offsetCommitV7 } from './v7';

export * from './types';

/** OffsetCommit (key 8), versions 0–7. */
export const offsetCommitApi: ApiCodec<OffsetCommitRequest, OffsetCommitResponse> = {
  apiKey: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  versions: [
    offsetCommitV0,
    offsetCommitV1,
    offsetCommitV2,
    offsetCommitV3,
    offsetCommitV4,
    offsetCommitV5,
    offsetCommitV6,
    offsetCommitV7,
  ],
  flexibleFrom: 8,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })),
    })),
  }),
};
