import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

const assignment = Buffer.from([
  0, 1, 0, 0, 0, 1, 0, 6, 111, 114, 100, 101, 114, 115, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
]);

describe('SyncGroup: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3])('decodes v%i exactly (leader with assignments)', async (version) => {
    const body = await kafkajsRequestBody('syncGroup', version, {
      groupId: 'mailer',
      generationId: 3,
      memberId: 'm-1',
      groupInstanceId: 'static-1',
      groupAssignment: [
        { memberId: 'm-1', memberAssignment: assignment },
        { memberId: 'm-2', memberAssignment: Buffer.alloc(0) },
      ],
    });
    const decoded = decodeRequest(ApiKey.SyncGroup, version, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      generationId: 3,
      memberId: 'm-1',
      groupInstanceId: version >= 3 ? 'static-1' : null,
      assignments: [
        { memberId: 'm-1', assignment },
        { memberId: 'm-2', assignment: Buffer.alloc(0) },
      ],
    });
    expect(encodeRequest(ApiKey.SyncGroup, version, decoded)).toEqual(body);
  });

  it.each([0, 1, 2, 3])('v%i response: kafkajs reads the member assignment', async (version) => {
    const body = encodeResponse(ApiKey.SyncGroup, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      assignment,
    });
    expect(await kafkajsResponse('syncGroup', version, body)).toMatchObject({
      errorCode: 0,
      memberAssignment: assignment,
    });
  });
});
