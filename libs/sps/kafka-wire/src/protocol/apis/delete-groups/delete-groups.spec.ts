import { describe, expect, it } from 'vitest';
import { kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

/* eslint-disable @typescript-eslint/no-require-imports */
// DeleteGroups' kafkajs request factory takes the id list positionally, unlike the others.
async function kafkajsDeleteGroups(version: number, groupIds: string[]): Promise<Buffer> {
  const factory = require(`kafkajs/src/protocol/requests/deleteGroups/v${version}/request`) as (
    ids: string[],
  ) => { encode(): Promise<{ buffer: Buffer }> };
  return Buffer.from((await factory(groupIds).encode()).buffer);
}

describe('DeleteGroups: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i exactly', async (version) => {
    const body = await kafkajsDeleteGroups(version, ['mailer', 'crm']);
    const decoded = decodeRequest(ApiKey.DeleteGroups, version, body);
    expect(decoded).toEqual({ groupsNames: ['mailer', 'crm'] });
    expect(encodeRequest(ApiKey.DeleteGroups, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response: kafkajs reads each group result', async (version) => {
    const body = encodeResponse(ApiKey.DeleteGroups, version, {
      throttleTimeMs: 0,
      results: [
        { groupId: 'mailer', errorCode: 0 },
        { groupId: 'crm', errorCode: 68 },
      ],
    });
    const decoded = await kafkajsResponse('deleteGroups', version, body, { parse: false });
    expect(decoded).toMatchObject({
      results: [
        { groupId: 'mailer', errorCode: 0 },
        { groupId: 'crm', errorCode: 68 },
      ],
    });
  });
});
