import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';

describe('DeleteRecords: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('deleteRecords', version, {
      topics: [
        {
          topic: 'orders',
          partitions: [
            { partition: 0, offset: '-1' },
            { partition: 1, offset: '12' },
          ],
        },
      ],
      timeout: 2000,
    });
    const decoded = decodeRequest(ApiKey.DeleteRecords, version, body);
    expect(decoded).toEqual({
      topics: [
        {
          name: 'orders',
          partitions: [
            { partitionIndex: 0, offset: -1 },
            { partitionIndex: 1, offset: 12 },
          ],
        },
      ],
      timeoutMs: 2000,
    });
    expect(encodeRequest(ApiKey.DeleteRecords, version, decoded)).toEqual(body);
  });

  it.each([0, 1])('v%i response parsed by kafkajs', async (version) => {
    const body = encodeResponse(ApiKey.DeleteRecords, version, {
      throttleTimeMs: 0,
      topics: [
        { name: 'orders', partitions: [{ partitionIndex: 1, lowWatermark: 12, errorCode: 0 }] },
      ],
    });
    const parsed = await kafkajsResponse('deleteRecords', version, body, {
      requestArgs: { topics: [{ topic: 'orders', partitions: [{ partition: 1, offset: '12' }] }] },
    });
    expect(parsed).toMatchObject({
      topics: [{ topic: 'orders', partitions: [{ partition: 1, errorCode: 0 }] }],
    });
    expect(
      String(
        (parsed as { topics: Array<{ partitions: Array<{ lowWatermark: unknown }> }> }).topics[0]!
          .partitions[0]!.lowWatermark,
      ),
    ).toBe('12');
  });
});
