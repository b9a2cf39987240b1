import { decodeAssignment, encodeSubscription } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { assignRoundRobin } from './round-robin-assigner';

const member = (memberId: string, topics: string[]) => ({
  memberId,
  metadata: encodeSubscription({ topics }),
});
const decoded = (assignments: ReturnType<typeof assignRoundRobin>) =>
  Object.fromEntries(
    assignments.map((a) => [a.memberId, decodeAssignment(a.assignment).assignment]),
  );

describe('round-robin assigner', () => {
  it('gives 5 partitions to 5 of 7 members, one each, and nothing to the other 2', () => {
    const members = ['g', 'c', 'a', 'e', 'b', 'f', 'd'].map((id) => member(id, ['orders']));
    const result = decoded(assignRoundRobin(members, () => 5));
    expect(result).toEqual({
      a: [{ topic: 'orders', partitions: [0] }],
      b: [{ topic: 'orders', partitions: [1] }],
      c: [{ topic: 'orders', partitions: [2] }],
      d: [{ topic: 'orders', partitions: [3] }],
      e: [{ topic: 'orders', partitions: [4] }],
      f: [],
      g: [],
    });
  });

  it('deals partitions of all streams in turn, as kafkajs, and skips members not subscribed', () => {
    const counts: Record<string, number> = { orders: 3, payments: 2 };
    const same = decoded(
      assignRoundRobin(
        [member('m2', ['orders', 'payments']), member('m1', ['orders', 'payments'])],
        (s) => counts[s]!,
      ),
    );
    expect(same).toEqual({
      m1: [
        { topic: 'orders', partitions: [0, 2] },
        { topic: 'payments', partitions: [1] },
      ],
      m2: [
        { topic: 'orders', partitions: [1] },
        { topic: 'payments', partitions: [0] },
      ],
    });
    const mixed = decoded(
      assignRoundRobin([member('m1', ['orders']), member('m2', ['payments'])], (s) => counts[s]!),
    );
    expect(mixed).toEqual({
      m1: [{ topic: 'orders', partitions: [0, 1, 2] }],
      m2: [{ topic: 'payments', partitions: [0, 1] }],
    });
  });
});
