import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('LeaveGroup: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2])('decodes v%i (one member)', async (version) => {
    const body = await kafkajsRequestBody('leaveGroup', version, {
      groupId: 'mailer',
      memberId: 'm-1',
    });
    const decoded = decodeRequest(ApiKey.LeaveGroup, version, body);
    expect(decoded).toEqual({ groupId: 'mailer', memberId: 'm-1', members: [] });
    expect(encodeRequest(ApiKey.LeaveGroup, version, decoded)).toEqual(body);
  });

  it('decodes v3 (a batch of members)', async () => {
    const body = await kafkajsRequestBody('leaveGroup', 3, {
      groupId: 'mailer',
      members: [{ memberId: 'm-1' }, { memberId: 'm-2', groupInstanceId: 'static-2' }],
    });
    const decoded = decodeRequest(ApiKey.LeaveGroup, 3, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      memberId: '',
      members: [
        { memberId: 'm-1', groupInstanceId: null },
        { memberId: 'm-2', groupInstanceId: 'static-2' },
      ],
    });
    expect(encodeRequest(ApiKey.LeaveGroup, 3, decoded)).toEqual(body);
  });

  it.each([0, 1, 2, 3])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.LeaveGroup, version, {
      throttleTimeMs: 0,
      errorCode: 0,
      members: [{ memberId: 'm-1', groupInstanceId: null, errorCode: 0 }],
    });
    const parsed = await kafkajsResponse('leaveGroup', version, body);
    expect(parsed).toMatchObject({ errorCode: 0 });
    if (version >= 3)
      expect(parsed).toMatchObject({
        members: [{ memberId: 'm-1', groupInstanceId: null, errorCode: 0 }],
      });
  });
});
