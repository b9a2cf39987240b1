import { type Deferred } from './deferred';
import {
  type GroupProtocol,
  type JoinGroupRequest,
  type JoinGroupResult,
  type SyncGroupResult,
} from './coordinator-types';

/** A member of a group. Owned by its group and changed only inside the group's queue. */
export interface GroupMember {
  readonly memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  /** In the member's order of preference. */
  protocols: GroupProtocol[];
  /** What the leader assigned it in the current generation (empty until then). */
  assignment: Buffer;
  /** Set while its JoinGroup is parked, waiting for the rebalance to complete. */
  join?: Deferred<JoinGroupResult>;
  /** Set while its SyncGroup is parked, waiting for the leader's assignments. */
  sync?: Deferred<SyncGroupResult>;
  /** Cancels the session timer. */
  cancelSession?: () => void;
}

/** A member that got MEMBER_ID_REQUIRED and has not joined with its id yet (KIP-394). */
export interface PendingMember {
  readonly memberId: string;
  cancelSession: () => void;
}

export function memberFromJoin(memberId: string, r: JoinGroupRequest): GroupMember {
  const member: GroupMember = {
    memberId,
    groupInstanceId: null,
    clientId: '',
    clientHost: '',
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: 0,
    protocolType: '',
    protocols: [],
    assignment: Buffer.alloc(0),
  };
  updateFromJoin(member, r);
  return member;
}

/** Takes the latest join's settings. Bytes are copied: the wire layer's may view a larger buffer. */
export function updateFromJoin(member: GroupMember, r: JoinGroupRequest): void {
  member.groupInstanceId = r.groupInstanceId ?? null;
  member.clientId = r.clientId;
  member.clientHost = r.clientHost;
  member.sessionTimeoutMs = r.sessionTimeoutMs;
  // JoinGroup v0 has no rebalance timeout; Kafka uses the session timeout for it.
  member.rebalanceTimeoutMs = r.rebalanceTimeoutMs > 0 ? r.rebalanceTimeoutMs : r.sessionTimeoutMs;
  member.protocolType = r.protocolType;
  member.protocols = r.protocols.map((p) => ({ name: p.name, metadata: Buffer.from(p.metadata) }));
}

/** Whether a join asks for exactly the protocols (names, order and metadata) the member has. */
export function sameProtocols(member: GroupMember, protocols: readonly GroupProtocol[]): boolean {
  return (
    member.protocols.length === protocols.length &&
    member.protocols.every((p, i) => {
      const q = protocols[i];
      return q !== undefined && p.name === q.name && p.metadata.equals(q.metadata);
    })
  );
}

/** The member's metadata for `protocolName`, empty if it does not support it. */
export function metadataFor(member: GroupMember, protocolName: string | null): Buffer {
  return member.protocols.find((p) => p.name === protocolName)?.metadata ?? Buffer.alloc(0);
}
