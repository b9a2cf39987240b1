/**
 * AlterConfigs (API key 33) — versions 0–1. kafkajs sends v1, librdkafka 2.0.2 v0, 2.15 v1.
 *
 * Behaviour: Kafka's (non-incremental) semantics — the request REPLACES the resource's whole
 * config: every settable config it does not name goes back to the broker default. For a topic
 * (type 2): `retention.ms`, `retention.bytes`, `segment.bytes`, `segment.ms`,
 * `max.message.bytes` are applied through `engine.alterStreamConfig` (retention takes effect
 * at the next retention check); SPS's fixed settings are accepted at their value; any other
 * name or value → INVALID_CONFIG (40) with a message, nothing changed. `validate_only`:
 * checked, not applied. Unknown topic → UNKNOWN_TOPIC_OR_PARTITION. Broker resources (type 4)
 * → INVALID_REQUEST: broker settings are static flags (restart to change them); other types
 * → INVALID_REQUEST.
 *
 * Deliberately not done: IncrementalAlterConfigs (key 44, not advertised; kafkajs does not
 * have it, librdkafka 2.15 falls back to this API), dynamic broker configs.
 */
import { type Engine } from '@shopstream/sps-log';
import { type AlterConfigsResourceResponse } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { type ResolvedHandlerOptions } from './engine-handler-options';
import { type HandlerFor } from './handler';
import { errorOf, exists } from './handler-support';
import { parseTopicConfigs, ResourceType } from './topic-configs';

export function createAlterConfigsHandler(
  engine: Engine,
  options: ResolvedHandlerOptions,
): HandlerFor<33> {
  return async (request) => {
    const responses = await Promise.all(
      request.resources.map(async (resource): Promise<AlterConfigsResourceResponse> => {
        const done = (errorCode: number, errorMessage: string | null = null) => ({
          errorCode,
          errorMessage,
          resourceType: resource.resourceType,
          resourceName: resource.resourceName,
        });
        if (resource.resourceType === ResourceType.BROKER) {
          return done(
            KafkaError.INVALID_REQUEST,
            'SPS broker configs are static: restart the broker with other flags to change them',
          );
        }
        if (resource.resourceType !== ResourceType.TOPIC)
          return done(
            KafkaError.INVALID_REQUEST,
            `unsupported resource type ${resource.resourceType}`,
          );
        if (!exists(engine, resource.resourceName)) {
          return done(
            KafkaError.UNKNOWN_TOPIC_OR_PARTITION,
            `topic "${resource.resourceName}" does not exist`,
          );
        }
        const parsed = parseTopicConfigs(resource.configs);
        if (!('config' in parsed)) return done(parsed.errorCode, parsed.errorMessage);
        if (request.validateOnly) return done(KafkaError.NONE);
        try {
          await engine.alterStreamConfig(resource.resourceName, {
            ...options.topicDefaults,
            ...parsed.config,
          });
          return done(KafkaError.NONE);
        } catch (error) {
          const { errorCode, errorMessage } = errorOf(error);
          return done(
            errorCode === KafkaError.INVALID_REQUEST ? KafkaError.INVALID_CONFIG : errorCode,
            errorMessage,
          );
        }
      }),
    );
    return { throttleTimeMs: 0, responses };
  };
}
