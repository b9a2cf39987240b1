/**
 * DescribeGroups (API key 15) — versions 0–4. kafkajs sends v2, librdkafka 2.0.2/2.15 v4.
 *
 * Behaviour: 1:1 onto `engine.coordinator.describeGroups`. States are Kafka's exact strings
 * (Empty, PreparingRebalance, CompletingRebalance, Stable, Dead): kafkajs admin
 * `setOffsets`/`resetOffsets` refuse to run unless the group is Empty or Dead. An unknown
 * group is described as Dead with no members and error 0, as Kafka. Member metadata and
 * assignment bytes, and the protocol name, are filled in only while Stable (Kafka's rule).
 * Client host is the `/<address>` the member joined from. An empty group id → INVALID_GROUP_ID.
 *
 * Deliberately not done: authorized operations (v3+: -2^31, "not computed").
 */
import { type Engine, type GroupDescription } from '@shopstream/sps-log';
import { type DescribedGroup } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';
import { groupErrorCode } from './handler-support';

const NOT_REQUESTED = -2147483648;

export function createDescribeGroupsHandler(engine: Engine): HandlerFor<15> {
  return async (request) => {
    const groups = await Promise.all(
      request.groups.map(async (groupId): Promise<DescribedGroup> => {
        if (groupId === '') return failed(groupId, KafkaError.INVALID_GROUP_ID);
        try {
          const [described] = await engine.coordinator.describeGroups([groupId]);
          return described ? describe(described) : failed(groupId, KafkaError.UNKNOWN_SERVER_ERROR);
        } catch (error) {
          return failed(groupId, groupErrorCode(error));
        }
      }),
    );
    return { throttleTimeMs: 0, groups };
  };
}

function describe(g: GroupDescription): DescribedGroup {
  return {
    errorCode: KafkaError.NONE,
    groupId: g.groupId,
    groupState: g.state,
    protocolType: g.protocolType,
    protocolData: g.protocol,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      memberMetadata: m.metadata,
      memberAssignment: m.assignment,
    })),
    authorizedOperations: NOT_REQUESTED,
  };
}

function failed(groupId: string, errorCode: number): DescribedGroup {
  return {
    errorCode,
    groupId,
    groupState: '',
    protocolType: '',
    protocolData: '',
    members: [],
    authorizedOperations: NOT_REQUESTED,
  };
}
