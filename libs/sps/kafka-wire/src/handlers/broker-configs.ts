/**
 * The broker resource of DescribeConfigs: a sensible subset of Kafka's broker settings, with
 * SPS's actual values. All are static (read-only, source STATIC_BROKER_CONFIG): they come
 * from the broker's flags and change only with a restart. Kafka names throughout, so
 * `kafka-configs --describe --broker 0`-style tools show familiar keys.
 */
import {
  FIXED_TOPIC_CONFIGS,
  SETTABLE_TOPIC_CONFIGS,
  type ConfigEntry,
  ConfigSource,
} from './topic-configs';
import { type ResolvedHandlerOptions } from './engine-handler-options';

export function describeBrokerConfigs(options: ResolvedHandlerOptions): ConfigEntry[] {
  const values: Record<string, string> = {
    'node.id': String(options.self().nodeId),
    'broker.id': String(options.self().nodeId),
    'num.partitions': String(options.defaultPartitions),
    'auto.create.topics.enable': String(options.autoCreateTopics),
    'default.replication.factor': '1',
    'offsets.topic.replication.factor': '1',
    'transaction.state.log.replication.factor': '1',
    'delete.topic.enable': 'true',
    'group.initial.rebalance.delay.ms': '0',
    'log.retention.hours': String(Math.floor(options.topicDefaults.ttlMs / 3_600_000)),
  };
  for (const s of Object.values(SETTABLE_TOPIC_CONFIGS))
    values[s.brokerName] = String(options.topicDefaults[s.field]);
  for (const [value, brokerName] of Object.values(FIXED_TOPIC_CONFIGS)) values[brokerName] = value;
  Object.assign(values, options.brokerConfigs);
  return Object.entries(values)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({
      name,
      value,
      readOnly: true,
      isDefault: false,
      source: ConfigSource.STATIC_BROKER_CONFIG,
      synonym: null,
    }));
}
