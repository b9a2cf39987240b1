import { describe, expect, it } from 'vitest';
import { kafkajsRequestBody, kafkajsResponse } from '../../../__tests__/helpers/kafkajs-protocol';
import { wire } from '../../../__tests__/helpers/grammar';
import { ApiKey } from '../../api-keys';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from '../../codec';
import { type MetadataResponse } from './types';

describe('Metadata request: golden bytes from kafkajs 2.2.4', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('decodes v%i with a topic list', async (version) => {
    const body = await kafkajsRequestBody('metadata', version, {
      topics: ['orders', 'audit'],
      allowAutoTopicCreation: false,
    });
    const decoded = decodeRequest(ApiKey.Metadata, version, body);
    expect(decoded).toEqual({
      topics: [{ name: 'orders' }, { name: 'audit' }],
      allowAutoTopicCreation: version >= 4 ? false : true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    expect(encodeRequest(ApiKey.Metadata, version, decoded)).toEqual(body);
  });

  it.each([1, 2, 3, 4, 5, 6])('v%i: kafkajs sends "all topics" as a null list', async (version) => {
    const body = await kafkajsRequestBody('metadata', version, { topics: [] });
    expect(decodeRequest(ApiKey.Metadata, version, body).topics).toBeNull();
  });

  it('v0: "all topics" is an empty list, and a null list is written as one', async () => {
    const body = await kafkajsRequestBody('metadata', 0, { topics: [] });
    expect(decodeRequest(ApiKey.Metadata, 0, body).topics).toEqual([]);
    expect(
      encodeRequest(ApiKey.Metadata, 0, {
        ...decodeRequest(ApiKey.Metadata, 0, body),
        topics: null,
      }),
    ).toEqual(body);
  });
});

describe('Metadata response: parsed by kafkajs 2.2.4', () => {
  const response: MetadataResponse = {
    throttleTimeMs: 0,
    brokers: [{ nodeId: 0, host: '127.0.0.1', port: 9092, rack: null }],
    clusterId: 'sps-cluster',
    controllerId: 0,
    topics: [
      {
        errorCode: 0,
        name: 'orders',
        isInternal: false,
        partitions: [
          {
            errorCode: 0,
            partitionIndex: 0,
            leaderId: 0,
            leaderEpoch: 0,
            replicaNodes: [0],
            isrNodes: [0],
            offlineReplicas: [],
          },
          {
            errorCode: 0,
            partitionIndex: 1,
            leaderId: 0,
            leaderEpoch: 0,
            replicaNodes: [0],
            isrNodes: [0],
            offlineReplicas: [],
          },
        ],
        topicAuthorizedOperations: -2147483648,
      },
    ],
    clusterAuthorizedOperations: -2147483648,
  };

  it.each([0, 1, 2, 3, 4, 5, 6])(
    'v%i: brokers, controller, cluster id, partitions',
    async (version) => {
      const parsed = await kafkajsResponse(
        'metadata',
        version,
        encodeResponse(ApiKey.Metadata, version, response),
      );
      expect(parsed).toMatchObject({
        brokers: [{ nodeId: 0, host: '127.0.0.1', port: 9092 }],
        topicMetadata: [
          {
            topicErrorCode: 0,
            topic: 'orders',
            partitionMetadata: [
              { partitionErrorCode: 0, partitionId: 0, leader: 0, replicas: [0], isr: [0] },
              { partitionErrorCode: 0, partitionId: 1, leader: 0, replicas: [0], isr: [0] },
            ],
          },
        ],
      });
      if (version >= 1)
        expect(parsed).toMatchObject({ controllerId: 0, topicMetadata: [{ isInternal: false }] });
      if (version >= 2) expect(parsed).toMatchObject({ clusterId: 'sps-cluster' });
      if (version >= 5)
        expect(parsed).toMatchObject({
          topicMetadata: [{ partitionMetadata: [{ offlineReplicas: [] }, {}] }],
        });
    },
  );
});

describe('Metadata v7–v8 (kafkajs stops at v6; librdkafka 2.15 sends v8): grammar-built bytes', () => {
  const request = wire()
    .arr(['orders'], (w, name) => w.str(name))
    .bool(true)
    .bool(false)
    .bool(true)
    .buf();

  it('v8 request with the authorized-operations flags', () => {
    const decoded = decodeRequest(ApiKey.Metadata, 8, request);
    expect(decoded).toEqual({
      topics: [{ name: 'orders' }],
      allowAutoTopicCreation: true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: true,
    });
    expect(encodeRequest(ApiKey.Metadata, 8, decoded)).toEqual(request);
  });

  const partitions = (w: ReturnType<typeof wire>, epoch: boolean): void => {
    w.arr([0], (p, i) => {
      p.i16(0).i32(i).i32(0);
      if (epoch) p.i32(5);
      p.arr([0], (r, n) => r.i32(n))
        .arr([0], (r, n) => r.i32(n))
        .arr([], (r, n: number) => r.i32(n));
    });
  };
  const responseBytes = (version: 7 | 8): Buffer => {
    const w = wire()
      .i32(0)
      .arr([0], (b) => b.i32(0).str('127.0.0.1').i32(9092).str(null))
      .str('sps')
      .i32(0)
      .arr(['orders'], (t, name) => {
        t.i16(0).str(name).bool(false);
        partitions(t, true);
        if (version === 8) t.i32(-2147483648);
      });
    if (version === 8) w.i32(-2147483648);
    return w.buf();
  };

  it.each([7, 8] as const)('v%i response with leader epochs', (version) => {
    const bytes = responseBytes(version);
    const decoded = decodeResponse(ApiKey.Metadata, version, bytes);
    expect(decoded.topics[0]!.partitions[0]).toMatchObject({
      leaderEpoch: 5,
      replicaNodes: [0],
      isrNodes: [0],
    });
    expect(encodeResponse(ApiKey.Metadata, version, decoded)).toEqual(bytes);
  });
});
