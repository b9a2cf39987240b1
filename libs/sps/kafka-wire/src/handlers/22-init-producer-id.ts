/**
 * InitProducerId (API key 22) — versions 0–1. kafkajs sends v1 (to the controller, i.e. us),
 * librdkafka 2.0.2 and 2.15 v1 (they could use v2–4, which are flexible and not advertised).
 *
 * Behaviour: without a transactional id (the idempotent producer) → a new producer id from
 * `engine.initProducerId` (allocated in durable blocks, never reused after a restart), epoch
 * 0. The partitions then deduplicate that producer's retried batches by sequence (see
 * 00-produce.ts).
 *
 * Deliberately not done: transactions. A transactional id →
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED (53), non-retriable, so a transactional producer
 * fails at once with a clear error instead of retrying. No KIP-360 epoch bump (v3+).
 */
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';
import { type HandlerFor } from './handler';

export function createInitProducerIdHandler(engine: Engine): HandlerFor<22> {
  return async (request, ctx) => {
    const failed = (errorCode: number) => ({
      throttleTimeMs: 0,
      errorCode,
      producerId: -1,
      producerEpoch: -1,
    });
    if (request.transactionalId !== null) {
      ctx.logger.debug('refused a transactional producer', {
        transactionalId: request.transactionalId,
        clientId: ctx.clientId,
      });
      return failed(KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    }
    try {
      const { producerId, producerEpoch } = await engine.initProducerId();
      return { throttleTimeMs: 0, errorCode: KafkaError.NONE, producerId, producerEpoch };
    } catch (error) {
      return failed(kafkaErrorFor(error));
    }
  };
}
