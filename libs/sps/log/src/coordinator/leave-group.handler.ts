/**
 * LeaveGroup (Kafka API key 13; v0–3, v3 leaves a batch). Runs inside the group's queue.
 * Each member named leaves and the rest rebalance (the group goes Empty after the last); a
 * pending newcomer is simply forgotten. A member may be named by `groupInstanceId` alone.
 * Unknown members get UNKNOWN_MEMBER in their own entry; the others still leave.
 */
import { type ConsumerGroup } from './consumer-group';
import { type LeaveGroupMemberResult, type LeaveGroupRequest } from './coordinator-types';
import { unknownMember } from './group-errors';
import { dropPending, removeMember, tryCompleteJoin } from './group-rebalance';

export function handleLeave(
  g: ConsumerGroup,
  members: LeaveGroupRequest['members'],
): LeaveGroupMemberResult[] {
  return members.map(({ memberId, groupInstanceId }) => {
    let id = memberId;
    if (groupInstanceId != null && groupInstanceId !== '') {
      const found = [...g.members.values()].find((m) => m.groupInstanceId === groupInstanceId);
      if (!found || (memberId !== '' && memberId !== found.memberId)) {
        return {
          memberId,
          error: unknownMember(
            g.groupId,
            memberId,
            `(instance "${groupInstanceId}") is not a member`,
          ),
        };
      }
      id = found.memberId;
    }
    if (g.pending.has(id)) {
      dropPending(g, id);
      tryCompleteJoin(g);
      return { memberId: id };
    }
    const m = g.members.get(id);
    if (!m) return { memberId: id, error: unknownMember(g.groupId, id) };
    removeMember(g, m);
    return { memberId: id };
  });
}
