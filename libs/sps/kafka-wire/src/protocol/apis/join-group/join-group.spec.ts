import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';
import { type JoinGroupResponse } from './types';

const metadata = Buffer.from([0, 1, 0, 0, 0, 1, 0, 6, 111, 114, 100, 101, 114, 115, 0, 0, 0, 0]);

describe('JoinGroup request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3, 4, 5])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('joinGroup', version, {
      groupId: 'mailer',
      sessionTimeout: 30_000,
      rebalanceTimeout: 60_000,
      memberId: '',
      groupInstanceId: 'static-1',
      protocolType: 'consumer',
      groupProtocols: [{ name: 'RoundRobinAssigner', metadata }],
    });
    const decoded = decodeRequest(ApiKey.JoinGroup, version, body);
    expect(decoded).toEqual({
      groupId: 'mailer',
      sessionTimeoutMs: 30_000,
      rebalanceTimeoutMs: version >= 1 ? 60_000 : -1,
      memberId: '',
      groupInstanceId: version >= 5 ? 'static-1' : null,
      protocolType: 'consumer',
      protocols: [{ name: 'RoundRobinAssigner', metadata }],
    });
    expect(encodeRequest(ApiKey.JoinGroup, version, decoded)).toEqual(body);
  });
});

describe('JoinGroup response: parsed by kafkajs 2.2.4', () => {
  const response: JoinGroupResponse = {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: 3,
    protocolName: 'RoundRobinAssigner',
    leader: 'm-1',
    memberId: 'm-1',
    members: [
      { memberId: 'm-1', groupInstanceId: null, metadata },
      { memberId: 'm-2', groupInstanceId: 'static-2', metadata },
    ],
  };

  it.each([0, 1, 2, 3, 4, 5])('v%i: the leader sees every member', async (version) => {
    const parsed = await kafkajsResponse(
      'joinGroup',
      version,
      encodeResponse(ApiKey.JoinGroup, version, response),
    );
    expect(parsed).toMatchObject({
      errorCode: 0,
      generationId: 3,
      groupProtocol: 'RoundRobinAssigner',
      leaderId: 'm-1',
      memberId: 'm-1',
      members: [
        { memberId: 'm-1', memberMetadata: metadata },
        { memberId: 'm-2', memberMetadata: metadata },
      ],
    });
    if (version >= 5)
      expect(parsed).toMatchObject({
        members: [{ groupInstanceId: null }, { groupInstanceId: 'static-2' }],
      });
  });

  it('MEMBER_ID_REQUIRED (v4+) carries the generated member id to kafkajs', async () => {
    const body = encodeResponse(ApiKey.JoinGroup, 5, {
      ...response,
      errorCode: 79,
      memberId: 'kafkajs-uuid',
      members: [],
    });
    await expect(kafkajsResponse('joinGroup', 5, body)).rejects.toMatchObject({
      type: 'MEMBER_ID_REQUIRED',
      memberId: 'kafkajs-uuid',
    });
  });
});
