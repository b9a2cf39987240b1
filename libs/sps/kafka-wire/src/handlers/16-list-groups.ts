/**
 * ListGroups (API key 16) — versions 0–2. kafkajs, librdkafka 2.0.2 and 2.15 send v2.
 *
 * Behaviour: every live group (`engine.coordinator.listGroups`), Empty ones that only hold
 * committed offsets included, as Kafka lists them, with their protocol type ("consumer", or
 * "" for a group that never had members).
 *
 * Deliberately not done: the states filter (v4+, KIP-518) — above the advertised range.
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { type HandlerFor } from './handler';

export function createListGroupsHandler(engine: Engine): HandlerFor<16> {
  return async () => {
    const groups = await engine.coordinator.listGroups();
    return {
      throttleTimeMs: 0,
      errorCode: KafkaError.NONE,
      groups: groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })),
    };
  };
}
