import { AssignerProtocol } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { hasSpsCode } from '../errors/sps-error';
import {
  decodeAssignment,
  decodeSubscription,
  encodeAssignment,
  encodeSubscription,
} from './consumer-protocol';

const { MemberMetadata, MemberAssignment } = AssignerProtocol;
const hex = (b: Buffer): string => b.toString('hex');

// Captured from kafkajs 2.2.4 (`AssignerProtocol.*.encode`); the first test re-checks them.
const SUBSCRIPTIONS = [
  {
    name: 'two topics, default user data',
    value: { version: 0, topics: ['orders', 'payments'] },
    hex: '00000000000200066f726465727300087061796d656e747300000000',
  },
  {
    name: 'user data',
    value: { version: 0, topics: ['orders'], userData: Buffer.from('ud') },
    hex: '00000000000100066f7264657273000000027564',
  },
  { name: 'no topics', value: { version: 0, topics: [] }, hex: '00000000000000000000' },
];

const ASSIGNMENTS = [
  {
    name: 'two topics',
    value: {
      version: 0,
      assignment: [
        { topic: 'orders', partitions: [0, 2, 4] },
        { topic: 'payments', partitions: [1] },
      ],
    },
    hex: '00000000000200066f72646572730000000300000000000000020000000400087061796d656e7473000000010000000100000000',
  },
  {
    name: 'user data',
    value: {
      version: 0,
      assignment: [{ topic: 'orders', partitions: [3] }],
      userData: Buffer.from([1, 2, 3]),
    },
    hex: '00000000000100066f7264657273000000010000000300000003010203',
  },
  { name: 'nothing assigned', value: { version: 0, assignment: [] }, hex: '00000000000000000000' },
];

const asObject = (list: { topic: string; partitions: number[] }[]): Record<string, number[]> =>
  Object.fromEntries(list.map((t) => [t.topic, t.partitions]));

describe('ConsumerProtocol against kafkajs 2.2.4 golden bytes', () => {
  it('the golden bytes are what kafkajs encodes today', () => {
    for (const c of SUBSCRIPTIONS)
      expect(hex(MemberMetadata.encode(c.value as never)), c.name).toBe(c.hex);
    for (const c of ASSIGNMENTS) {
      const { assignment, ...rest } = c.value;
      const encoded = MemberAssignment.encode({
        ...rest,
        assignment: asObject(assignment),
      } as never);
      expect(hex(encoded), c.name).toBe(c.hex);
    }
  });

  it.each(SUBSCRIPTIONS)('encodes subscription "$name" byte for byte as kafkajs', (c) => {
    expect(hex(encodeSubscription(c.value))).toBe(c.hex);
  });

  it.each(SUBSCRIPTIONS)('decodes kafkajs subscription "$name"', (c) => {
    const decoded = decodeSubscription(Buffer.from(c.hex, 'hex'));
    expect(decoded).toEqual({
      version: 0,
      topics: c.value.topics,
      userData: c.value.userData ?? Buffer.alloc(0),
      ownedPartitions: [],
    });
  });

  it.each(SUBSCRIPTIONS)('kafkajs decodes our subscription "$name"', (c) => {
    const theirs = MemberMetadata.decode(encodeSubscription(c.value));
    expect(theirs).toEqual({
      version: 0,
      topics: c.value.topics,
      userData: c.value.userData ?? Buffer.alloc(0),
    });
  });

  it.each(ASSIGNMENTS)('encodes assignment "$name" byte for byte as kafkajs', (c) => {
    expect(hex(encodeAssignment(c.value))).toBe(c.hex);
  });

  it.each(ASSIGNMENTS)('decodes kafkajs assignment "$name"', (c) => {
    expect(decodeAssignment(Buffer.from(c.hex, 'hex'))).toEqual({
      version: 0,
      assignment: c.value.assignment,
      userData: c.value.userData ?? Buffer.alloc(0),
    });
  });

  it.each(ASSIGNMENTS)('kafkajs decodes our assignment "$name"', (c) => {
    const theirs = MemberAssignment.decode(encodeAssignment(c.value));
    expect(theirs).toEqual({
      version: 0,
      assignment: asObject(c.value.assignment),
      userData: c.value.userData ?? Buffer.alloc(0),
    });
  });

  it('reads kafkajs\' "v1" subscription, which has no owned partitions', () => {
    const bytes = MemberMetadata.encode({
      version: 1,
      topics: ['orders'],
      userData: Buffer.alloc(0),
    });
    expect(decodeSubscription(bytes)).toMatchObject({
      version: 1,
      topics: ['orders'],
      ownedPartitions: [],
    });
  });
});

describe('ConsumerProtocol versions', () => {
  it('round-trips a v1 subscription with owned partitions (Java/librdkafka layout)', () => {
    const value = {
      version: 1,
      topics: ['orders'],
      userData: null,
      ownedPartitions: [{ topic: 'orders', partitions: [1, 4] }],
    };
    const bytes = encodeSubscription(value);
    expect(hex(bytes)).toBe(
      '0001' +
        '00000001' +
        '0006' +
        hex(Buffer.from('orders')) +
        'ffffffff' +
        '00000001' +
        '0006' +
        hex(Buffer.from('orders')) +
        '00000002' +
        '00000001' +
        '00000004',
    );
    expect(decodeSubscription(bytes)).toEqual(value);
  });

  it('reads a newer subscription (v3: generation and rack) by the fields it knows', () => {
    const v1 = encodeSubscription({ version: 1, topics: ['orders'], ownedPartitions: [] });
    const rack = Buffer.from('rack-a');
    const v3 = Buffer.concat([
      v1,
      Buffer.from('00000007', 'hex'), // generation_id
      Buffer.from([0, rack.length]),
      rack,
    ]);
    v3.writeInt16BE(3, 0);
    expect(decodeSubscription(v3)).toMatchObject({
      version: 3,
      topics: ['orders'],
      ownedPartitions: [],
    });
  });

  it('reads a newer assignment version and ignores its trailing fields', () => {
    const bytes = Buffer.concat([
      encodeAssignment({ assignment: [{ topic: 't', partitions: [0] }] }),
      Buffer.from('cafe', 'hex'),
    ]);
    bytes.writeInt16BE(3, 0);
    expect(decodeAssignment(bytes)).toMatchObject({
      version: 3,
      assignment: [{ topic: 't', partitions: [0] }],
    });
  });

  it('decodes zero bytes as "nothing assigned"', () => {
    expect(decodeAssignment(Buffer.alloc(0))).toEqual({
      version: 0,
      assignment: [],
      userData: null,
    });
  });

  it('refuses truncated bytes and absurd counts without allocating', () => {
    const good = encodeAssignment({ assignment: [{ topic: 'orders', partitions: [0, 1] }] });
    expect(() => decodeAssignment(good.subarray(0, 9))).toThrow(
      expect.objectContaining({ code: 'SPS_ERR_MALFORMED' }),
    );
    const huge = Buffer.from('0000' + '7fffffff', 'hex');
    let error: unknown;
    try {
      decodeSubscription(huge);
    } catch (e) {
      error = e;
    }
    expect(hasSpsCode(error, 'SPS_ERR_MALFORMED')).toBe(true);
  });

  it('encodes only the versions it knows', () => {
    expect(() => encodeSubscription({ version: 2, topics: [] })).toThrow(
      expect.objectContaining({ code: 'SPS_ERR_INVALID_ARGUMENT' }),
    );
  });
});
