import { type ApiCodec } from '../../api-codec';
import { ApiKey } from '../../api-keys';
import { type LeaveGroupRequest, type LeaveGroupResponse } from './types';
import { leaveGroupV0 } from './v0';
import { leaveGroupV1 } from './v1';
import { leaveGroupV2 } from './v2';
import { leaveGroupV3 } from './v3';

export * from './types';

/** LeaveGroup (key 13), versions 0–3. */
export const leaveGroupApi: ApiCodec<LeaveGroupRequest, LeaveGroupResponse> = {
  apiKey: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  versions: [leaveGroupV0, leaveGroupV1, leaveGroupV2, leaveGroupV3],
  flexibleFrom: 4,
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode, members: [] }),
};
