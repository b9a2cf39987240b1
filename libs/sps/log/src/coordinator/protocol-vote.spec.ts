import { describe, expect, it } from 'vitest';
import { type GroupMember, memberFromJoin } from './group-member';
import { chooseProtocol, supportsProtocols } from './protocol-vote';

function member(id: string, protocols: string[], protocolType = 'consumer'): GroupMember {
  return memberFromJoin(id, {
    groupId: 'g',
    memberId: id,
    clientId: id,
    clientHost: '',
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 0,
    protocolType,
    protocols: protocols.map((name) => ({ name, metadata: Buffer.alloc(0) })),
    requireKnownMemberId: true,
  });
}

const protocols = (...names: string[]) =>
  names.map((name) => ({ name, metadata: Buffer.alloc(0) }));

describe('protocol vote', () => {
  it('chooses the most voted protocol among those all members support', () => {
    const members = [
      member('a', ['range', 'roundrobin']),
      member('b', ['roundrobin', 'range']),
      member('c', ['roundrobin']),
    ];
    expect(chooseProtocol(members)).toBe('roundrobin');
  });

  it("breaks a tie by the first member's preference", () => {
    expect(
      chooseProtocol([member('a', ['range', 'roundrobin']), member('b', ['roundrobin', 'range'])]),
    ).toBe('range');
  });

  it('admits a member only with the same type and a protocol everyone supports', () => {
    const others = [member('a', ['range', 'roundrobin']), member('b', ['roundrobin'])];
    expect(supportsProtocols(others, 'consumer', protocols('sticky', 'roundrobin'))).toBe(true);
    expect(supportsProtocols(others, 'consumer', protocols('range'))).toBe(false);
    expect(supportsProtocols(others, 'connect', protocols('roundrobin'))).toBe(false);
    expect(supportsProtocols([], 'anything', protocols('x'))).toBe(true);
    expect(supportsProtocols([], '', protocols('x'))).toBe(false);
    expect(supportsProtocols([], 'consumer', [])).toBe(false);
  });

  it('uses the session timeout as rebalance timeout for JoinGroup v0', () => {
    expect(member('a', ['x']).rebalanceTimeoutMs).toBe(10_000);
  });
});
