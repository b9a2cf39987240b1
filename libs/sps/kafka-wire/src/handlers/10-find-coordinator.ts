/**
 * FindCoordinator (API key 10) — versions 0–2. kafkajs, librdkafka 2.0.2 and 2.15 send v2.
 *
 * Behaviour: for a group (key type 0, and always at v0) the coordinator is this node, at its
 * advertised address. Any group id is accepted; the group comes into existence when a member
 * joins or an offset is committed.
 *
 * Deliberately not done: transaction coordinators (key type 1). SPS has no transactions, so
 * the answer is TRANSACTIONAL_ID_AUTHORIZATION_FAILED (53) with a message saying so. A
 * non-retriable code on purpose: COORDINATOR_NOT_AVAILABLE would make kafkajs retry for
 * its whole retry budget before failing `producer.transaction()` with a vaguer error. Other
 * key types → INVALID_REQUEST.
 */
import { KafkaError } from '../protocol/error-codes';
import { type BrokerNode } from './engine-handler-options';
import { type HandlerFor } from './handler';

const GROUP = 0;
const TRANSACTION = 1;

export function createFindCoordinatorHandler(self: () => BrokerNode): HandlerFor<10> {
  return (request) => {
    const node = self();
    if (request.keyType === GROUP) {
      return Promise.resolve({
        throttleTimeMs: 0,
        errorCode: KafkaError.NONE,
        errorMessage: null,
        nodeId: node.nodeId,
        host: node.host,
        port: node.port,
      });
    }
    const refused = (errorCode: number, errorMessage: string) =>
      Promise.resolve({
        throttleTimeMs: 0,
        errorCode,
        errorMessage,
        nodeId: -1,
        host: '',
        port: -1,
      });
    return request.keyType === TRANSACTION
      ? refused(
          KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
          'SPS does not support transactions (no transaction coordinator)',
        )
      : refused(KafkaError.INVALID_REQUEST, `unknown coordinator key type ${request.keyType}`);
  };
}
