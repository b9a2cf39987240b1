/**
 * JoinGroup (API key 11) — versions 0–5. kafkajs, librdkafka 2.0.2 and 2.15 send v5; v0 must
 * stay served for librdkafka 2.0.2's feature detection (KAFKA-WIRE §3.3).
 *
 * Behaviour: 1:1 onto `engine.coordinator.joinGroup` (Kafka's classic protocol, KAFKA-WIRE
 * §4.6): the request parks until the rebalance completes; the leader gets every member's
 * metadata, followers an empty list.
 * - v4+ first join with an empty member id → MEMBER_ID_REQUIRED (79) with the generated id in
 *   `member_id` (KIP-394); the client joins again with it. v0–3 join at once.
 * - v0 has no rebalance timeout: the session timeout is used instead, as Kafka does.
 * - The member's client id is the request header's; its host is `/<address>`, Kafka's form.
 * - Errors: INVALID_SESSION_TIMEOUT (outside the broker's bounds), INCONSISTENT_GROUP_PROTOCOL,
 *   UNKNOWN_MEMBER_ID, INVALID_GROUP_ID (empty id), generation -1 and empty fields.
 * - If the connection or the server closes while the join is parked, it is answered
 *   COORDINATOR_NOT_AVAILABLE (retriable: the client rejoins once it reconnects).
 *
 * Deliberately not done: static membership (KIP-345) — `group_instance_id` is recorded and
 * reported, the member is treated as dynamic; `group.initial.rebalance.delay.ms` is 0.
 */
import { isSpsError } from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { joinGroupApi, type JoinGroupRequest, type JoinGroupResponse } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';
import { groupErrorCode, unlessAborted } from './handler-support';

export function createJoinGroupHandler(engine: Engine): HandlerFor<11> {
  return async (request, ctx) => {
    const joined = engine.coordinator.joinGroup({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      clientId: ctx.clientId ?? '',
      clientHost: `/${ctx.connection.remoteAddress}`,
      sessionTimeoutMs: request.sessionTimeoutMs,
      rebalanceTimeoutMs:
        ctx.apiVersion === 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
      protocolType: request.protocolType,
      protocols: request.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
      requireKnownMemberId: ctx.apiVersion >= 4,
    });
    try {
      const result = await unlessAborted(joined, ctx.signal, () => null);
      if (result === null)
        return joinGroupApi.errorResponse(request, KafkaError.COORDINATOR_NOT_AVAILABLE);
      return {
        throttleTimeMs: 0,
        errorCode: KafkaError.NONE,
        generationId: result.generationId,
        protocolName: result.protocolName,
        leader: result.leaderId,
        memberId: result.memberId,
        members: result.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          metadata: m.metadata,
        })),
      };
    } catch (error) {
      return failure(request, error);
    }
  };
}

function failure(request: JoinGroupRequest, error: unknown): JoinGroupResponse {
  const response = joinGroupApi.errorResponse(request, groupErrorCode(error));
  // KIP-394: the id the client must join with travels in member_id of the error response.
  if (isSpsError(error) && error.code === 'SPS_ERR_MEMBER_ID_REQUIRED') {
    const assigned = error.context['memberId'];
    if (typeof assigned === 'string') return { ...response, memberId: assigned };
  }
  return response;
}
