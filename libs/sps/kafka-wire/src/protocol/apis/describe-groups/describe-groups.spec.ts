import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../../codec';
import { type DescribeGroupsResponse } from './types';

const response: DescribeGroupsResponse = {
  throttleTimeMs: 0,
  groups: [
    {
      errorCode: 0,
      groupId: 'mailer',
      groupState: 'Stable',
      protocolType: 'consumer',
      protocolData: 'RoundRobinAssigner',
      members: [
        {
          memberId: 'm-1',
          groupInstanceId: null,
          clientId: 'mailer-app',
          clientHost: '/127.0.0.1',
          memberMetadata: Buffer.from([1, 2]),
          memberAssignment: Buffer.from([3]),
        },
      ],
      authorizedOperations: -2147483648,
    },
  ],
};

describe('DescribeGroups: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('describeGroups', version, {
      groupIds: ['mailer', 'crm'],
    });
    const decoded = decodeRequest(ApiKey.DescribeGroups, version, body);
    expect(decoded).toEqual({ groups: ['mailer', 'crm'], includeAuthorizedOperations: false });
    expect(encodeRequest(ApiKey.DescribeGroups, version, decoded)).toEqual(body);
  });

  it.each([0, 1, 2])('v%i response: kafkajs reads state strings and members', async (version) => {
    expect(
      await kafkajsResponse(
        'describeGroups',
        version,
        encodeResponse(ApiKey.DescribeGroups, version, response),
      ),
    ).toMatchObject({
      groups: [
        {
          errorCode: 0,
          groupId: 'mailer',
          state: 'Stable',
          protocolType: 'consumer',
          protocol: 'RoundRobinAssigner',
          members: [
            {
              memberId: 'm-1',
              clientId: 'mailer-app',
              clientHost: '/127.0.0.1',
              memberMetadata: Buffer.from([1, 2]),
              memberAssignment: Buffer.from([3]),
            },
          ],
        },
      ],
    });
  });
});

describe('DescribeGroups v3–v4 (librdkafka 2.x sends v4): grammar-built bytes', () => {
  const request = wire()
    .arr(['mailer'], (w, g) => w.str(g))
    .bool(true)
    .buf();
  const responseBytes = (version: 3 | 4): Buffer =>
    wire()
      .i32(0)
      .arr([0], (g) => {
        g.i16(0).str('mailer').str('Empty').str('consumer').str('');
        g.arr(['m-1'], (m, id) => {
          m.str(id);
          if (version === 4) m.str('static-1');
          m.str('rdkafka')
            .str('/127.0.0.1')
            .bytes(Buffer.from([1]))
            .bytes(Buffer.alloc(0));
        });
        g.i32(8);
      })
      .buf();

  it.each([3, 4])('v%i request with include_authorized_operations', (version) => {
    const decoded = decodeRequest(ApiKey.DescribeGroups, version, request);
    expect(decoded).toEqual({ groups: ['mailer'], includeAuthorizedOperations: true });
    expect(encodeRequest(ApiKey.DescribeGroups, version, decoded)).toEqual(request);
  });

  it.each([3, 4] as const)('v%i response with authorized operations', (version) => {
    const decoded = decodeResponse(ApiKey.DescribeGroups, version, responseBytes(version));
    expect(decoded.groups[0]).toMatchObject({ groupState: 'Empty', authorizedOperations: 8 });
    expect(decoded.groups[0]!.members[0]!.groupInstanceId).toBe(version === 4 ? 'static-1' : null);
    expect(encodeResponse(ApiKey.DescribeGroups, version, decoded)).toEqual(responseBytes(version));
  });
});
