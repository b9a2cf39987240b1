/**
 * Heartbeat (API key 12) — versions 0–3. kafkajs, librdkafka 2.0.2 and 2.15 send v3.
 *
 * Behaviour: 1:1 onto `engine.coordinator.heartbeat`, which resets the member's session
 * timer. OK while the group is Stable or CompletingRebalance; REBALANCE_IN_PROGRESS while it
 * prepares a rebalance (the member must rejoin); UNKNOWN_MEMBER_ID (also after a broker
 * restart: membership is not persisted), ILLEGAL_GENERATION, INVALID_GROUP_ID.
 *
 * Deliberately not done: static-member fencing by `group_instance_id` (KIP-345).
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';
import { groupErrorCode } from './handler-support';

export function createHeartbeatHandler(engine: Engine): HandlerFor<12> {
  return async (request) => {
    try {
      await engine.coordinator.heartbeat({
        groupId: request.groupId,
        generationId: request.generationId,
        memberId: request.memberId,
        groupInstanceId: request.groupInstanceId,
      });
      return { throttleTimeMs: 0, errorCode: KafkaError.NONE };
    } catch (error) {
      return { throttleTimeMs: 0, errorCode: groupErrorCode(error) };
    }
  };
}
