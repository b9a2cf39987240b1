/**
 * DescribeConfigs (API key 32) — versions 0–2. kafkajs sends v2, librdkafka 2.0.2/2.15 v1.
 *
 * Behaviour, per resource:
 * - Topic (type 2): every topic config Kafka clients commonly read — the five SPS stores
 *   (`retention.ms`, `retention.bytes`, `segment.bytes`, `segment.ms`, `max.message.bytes`)
 *   and the fixed ones (`cleanup.policy=delete`, `compression.type=producer`,
 *   `message.timestamp.type=CreateTime`, `min.insync.replicas=1`, …, read-only). A stored
 *   value equal to the broker default is reported as the default (source DEFAULT_CONFIG, or
 *   `is_default` at v0); otherwise source DYNAMIC_TOPIC_CONFIG. Unknown topic →
 *   UNKNOWN_TOPIC_OR_PARTITION with a message. (Tansu's librdkafka gap: Kafka returns every
 *   config with its default, never an empty list.)
 * - Broker (type 4, name "" or this node's id): the static broker settings
 *   (broker-configs.ts: `num.partitions`, `auto.create.topics.enable`, `log.retention.ms`, …),
 *   read-only, source STATIC_BROKER_CONFIG. Another broker id → INVALID_REQUEST.
 * - `configuration_keys` null → all; otherwise only those named (unknown names are left out,
 *   as Kafka). Synonyms (v1+, when asked): the config itself and the broker setting behind
 *   its default. Other resource types → INVALID_REQUEST.
 *
 * Deliberately not done: config types and documentation (v3+), sensitive configs (none).
 */
import { type Engine } from '@shopstream/sps-log';
import { type DescribeConfigsResourceResult, type DescribeConfigsResult } from '../protocol/apis';
import { KafkaError } from '../protocol/error-codes';
import { describeBrokerConfigs } from './broker-configs';
import { type ResolvedHandlerOptions } from './engine-handler-options';
import { type HandlerFor } from './handler';
import { errorOf } from './handler-support';
import { type ConfigEntry, describeTopicConfigs, ResourceType } from './topic-configs';

export function createDescribeConfigsHandler(
  engine: Engine,
  options: ResolvedHandlerOptions,
): HandlerFor<32> {
  return (request) => {
    const results = request.resources.map((resource): DescribeConfigsResult => {
      const base = {
        resourceType: resource.resourceType,
        resourceName: resource.resourceName,
      };
      const refuse = (errorCode: number, errorMessage: string): DescribeConfigsResult => ({
        ...base,
        errorCode,
        errorMessage,
        configs: [],
      });
      let entries: ConfigEntry[];
      if (resource.resourceType === ResourceType.TOPIC) {
        try {
          entries = describeTopicConfigs(
            engine.describeStream(resource.resourceName).config,
            options.topicDefaults,
          );
        } catch (error) {
          const { errorCode, errorMessage } = errorOf(error);
          return refuse(errorCode, errorMessage);
        }
      } else if (resource.resourceType === ResourceType.BROKER) {
        const id = String(options.self().nodeId);
        if (resource.resourceName !== '' && resource.resourceName !== id)
          return refuse(
            KafkaError.INVALID_REQUEST,
            `this is broker ${id}, not ${resource.resourceName}`,
          );
        entries = describeBrokerConfigs(options);
      } else {
        return refuse(
          KafkaError.INVALID_REQUEST,
          `unsupported resource type ${resource.resourceType}`,
        );
      }
      const keys = resource.configurationKeys === null ? null : new Set(resource.configurationKeys);
      return {
        ...base,
        errorCode: KafkaError.NONE,
        errorMessage: null,
        configs: entries
          .filter((e) => keys === null || keys.has(e.name))
          .map((e) => toResult(e, request.includeSynonyms)),
      };
    });
    return Promise.resolve({ throttleTimeMs: 0, results });
  };
}

function toResult(e: ConfigEntry, includeSynonyms: boolean): DescribeConfigsResourceResult {
  const synonyms = [{ name: e.name, value: e.value, source: e.source }];
  if (e.synonym !== null && e.synonym.name !== e.name) synonyms.push(e.synonym);
  return {
    name: e.name,
    value: e.value,
    readOnly: e.readOnly,
    isDefault: e.isDefault,
    configSource: e.source,
    isSensitive: false,
    // Kafka lists the synonyms in precedence order, the effective value first.
    synonyms: includeSynonyms ? synonyms : [],
  };
}
