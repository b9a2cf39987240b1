/**
 * LeaveGroup (API key 13) — versions 0–3. kafkajs sends v3 (on `disconnect()`),
 * librdkafka 2.0.2 and 2.15 v1.
 *
 * Behaviour: 1:1 onto `engine.coordinator.leaveGroup`; the group rebalances without the
 * members, or becomes Empty. v0–2 name one member (`member_id`) and answer with its error at
 * the top level; v3 (KIP-345) names a batch and answers per member, the top-level code then
 * carrying only request-wide errors (e.g. INVALID_GROUP_ID). An unknown member →
 * UNKNOWN_MEMBER_ID.
 *
 * Deliberately not done: removing static members by `group_instance_id` alone differs from
 * Kafka only in that SPS treats every member as dynamic (KIP-345 is recorded, not enforced).
 */
import { type Engine, type LeaveGroupMemberResult } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';
import { groupErrorCode } from './handler-support';

export function createLeaveGroupHandler(engine: Engine): HandlerFor<13> {
  return async (request, ctx) => {
    const batch = ctx.apiVersion >= 3;
    const members = batch
      ? request.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId }))
      : [{ memberId: request.memberId, groupInstanceId: null }];
    let results: LeaveGroupMemberResult[];
    try {
      results = await engine.coordinator.leaveGroup({ groupId: request.groupId, members });
    } catch (error) {
      return { throttleTimeMs: 0, errorCode: groupErrorCode(error), members: [] };
    }
    const codeOf = (r: LeaveGroupMemberResult | undefined): number =>
      r?.error === undefined ? KafkaError.NONE : kafkaErrorFor(r.error);
    if (!batch) return { throttleTimeMs: 0, errorCode: codeOf(results[0]), members: [] };
    return {
      throttleTimeMs: 0,
      errorCode: KafkaError.NONE,
      members: members.map((m, i) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        errorCode: codeOf(results[i]),
      })),
    };
  };
}
