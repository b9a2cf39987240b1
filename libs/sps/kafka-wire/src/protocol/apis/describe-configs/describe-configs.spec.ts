import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { ApiKey } from '../../api-keys';
import { decodeRequest, encodeRequest, encodeResponse } from '../../codec';
import { type DescribeConfigsResponse } from './types';

describe('DescribeConfigs request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2])('decodes v%i exactly', async (version) => {
    const body = await kafkajsRequestBody('describeConfigs', version, {
      resources: [
        { type: 2, name: 'orders', configNames: ['retention.ms'] },
        { type: 4, name: '0' },
      ],
      includeSynonyms: true,
    });
    const decoded = decodeRequest(ApiKey.DescribeConfigs, version, body);
    expect(decoded).toEqual({
      resources: [
        { resourceType: 2, resourceName: 'orders', configurationKeys: ['retention.ms'] },
        // kafkajs sends "every config" as a null list.
        { resourceType: 4, resourceName: '0', configurationKeys: null },
      ],
      includeSynonyms: version >= 1,
    });
    expect(encodeRequest(ApiKey.DescribeConfigs, version, decoded)).toEqual(body);
  });
});

describe('DescribeConfigs response: parsed by kafkajs 2.2.4', () => {
  const response: DescribeConfigsResponse = {
    throttleTimeMs: 0,
    results: [
      {
        errorCode: 0,
        errorMessage: null,
        resourceType: 2,
        resourceName: 'orders',
        configs: [
          {
            name: 'retention.ms',
            value: '604800000',
            readOnly: false,
            isDefault: true,
            configSource: 5,
            isSensitive: false,
            synonyms: [{ name: 'log.retention.ms', value: '604800000', source: 5 }],
          },
        ],
      },
    ],
  };

  it('v0: is_default', async () => {
    expect(
      await kafkajsResponse(
        'describeConfigs',
        0,
        encodeResponse(ApiKey.DescribeConfigs, 0, response),
      ),
    ).toMatchObject({
      resources: [
        {
          errorCode: 0,
          resourceType: 2,
          resourceName: 'orders',
          configEntries: [
            {
              configName: 'retention.ms',
              configValue: '604800000',
              readOnly: false,
              isDefault: true,
              isSensitive: false,
            },
          ],
        },
      ],
    });
  });

  it.each([1, 2])('v%i: config source and synonyms', async (version) => {
    expect(
      await kafkajsResponse(
        'describeConfigs',
        version,
        encodeResponse(ApiKey.DescribeConfigs, version, response),
      ),
    ).toMatchObject({
      resources: [
        {
          configEntries: [
            {
              configName: 'retention.ms',
              configSource: 5,
              configSynonyms: [
                { configName: 'log.retention.ms', configValue: '604800000', configSource: 5 },
              ],
            },
          ],
        },
      ],
    });
  });
});
