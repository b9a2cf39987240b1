import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type JoinGroupRequest, type JoinGroupResponse } from './types';
import { joinGroupV0 } from './v0';
import { joinGroupV1 } from './v1';
import { joinGroupV2 } from './v2';
import { joinGroupV3 } from './v3';
import { joinGroupV4 } from './v4';
import { joinGroupV5 } from './v5';

export * from './types';

/** JoinGroup (key 11), versions 0–5. */
export const joinGroupApi: ApiCodec<JoinGroupRequest, JoinGroupResponse> = {
  apiKey: ApiKey.JoinGroup,
  name: 'JoinGroup',
  versions: [joinGroupV0, joinGroupV1, joinGroupV2, joinGroupV3, joinGroupV4, joinGroupV5],
  flexibleFrom: 6,
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    generationId: -1,
    protocolName: '',
    leader: '',
    memberId: request.memberId,
    members: [],
  }),
};
