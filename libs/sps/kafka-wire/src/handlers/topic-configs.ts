/**
 * Kafka topic configs ↔ the engine's `StreamConfig`, for CreateTopics, DescribeConfigs and
 * AlterConfigs. Topic-level names are Kafka's (`retention.ms`, …); the broker-level default
 * of each is its synonym (`log.retention.ms`, …, Kafka's `LogConfig`).
 *
 * Five configs are the engine's and can be set. The others describe what SPS always does
 * (`cleanup.policy=delete`, `min.insync.replicas=1`, …); setting one to that value is
 * accepted (tools often send `cleanup.policy=delete` explicitly), any other value is
 * INVALID_CONFIG with a message, as is an unknown name. The value rules repeat the engine's
 * (`assertStreamConfig`) so that `validate_only` requests get the same answer as real ones.
 */
import { type StreamConfig } from '@shopstream/sps-core';
import { KafkaError } from '../protocol/error-codes';

interface SettableConfig {
  field: keyof StreamConfig;
  brokerName: string;
  valid: (v: number) => boolean;
  expected: string;
}

/** The configs the engine stores, by Kafka topic config name. */
export const SETTABLE_TOPIC_CONFIGS: Readonly<Record<string, SettableConfig>> = {
  'retention.ms': {
    field: 'ttlMs',
    brokerName: 'log.retention.ms',
    valid: (v) => v === -1 || v >= 1,
    expected: '-1 (forever) or at least 1',
  },
  'retention.bytes': {
    field: 'retentionBytes',
    brokerName: 'log.retention.bytes',
    valid: (v) => v === -1 || v >= 1,
    expected: '-1 (no limit) or at least 1',
  },
  'segment.bytes': {
    field: 'segmentBytes',
    brokerName: 'log.segment.bytes',
    valid: (v) => v >= 1024,
    expected: 'at least 1024',
  },
  'segment.ms': {
    field: 'segmentMs',
    brokerName: 'log.roll.ms',
    valid: (v) => v >= 1,
    expected: 'at least 1',
  },
  'max.message.bytes': {
    field: 'maxBatchBytes',
    brokerName: 'message.max.bytes',
    valid: (v) => v >= 64,
    expected: 'at least 64',
  },
};

/** What SPS always does, as Kafka topic configs: name → [value, broker synonym]. */
export const FIXED_TOPIC_CONFIGS: Readonly<Record<string, readonly [string, string]>> = {
  'cleanup.policy': ['delete', 'log.cleanup.policy'],
  'compression.type': ['producer', 'compression.type'],
  'message.timestamp.type': ['CreateTime', 'log.message.timestamp.type'],
  'min.insync.replicas': ['1', 'min.insync.replicas'],
  'unclean.leader.election.enable': ['false', 'unclean.leader.election.enable'],
  'message.downconversion.enable': ['false', 'log.message.downconversion.enable'],
};

/** A refusal in Kafka's terms. */
export interface ConfigProblem {
  errorCode: number;
  errorMessage: string;
}

/**
 * Parses requested topic configs into engine settings, or the first problem. A null value
 * means "the default" (nothing set).
 */
export function parseTopicConfigs(
  entries: readonly { name: string; value: string | null }[],
): { config: Partial<StreamConfig> } | ConfigProblem {
  const config: Partial<StreamConfig> = {};
  for (const { name, value } of entries) {
    if (value === null) continue;
    const settable = own(SETTABLE_TOPIC_CONFIGS, name);
    if (settable) {
      const n = /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
      if (!Number.isSafeInteger(n) || !settable.valid(n))
        return invalid(`${name} must be an integer, ${settable.expected}; got "${value}"`);
      config[settable.field] = n;
      continue;
    }
    const fixed = own(FIXED_TOPIC_CONFIGS, name);
    if (fixed) {
      if (value !== fixed[0])
        return invalid(`${name} can only be "${fixed[0]}" on SPS; got "${value}"`);
      continue;
    }
    return invalid(`unknown or unsupported topic config "${name}"`);
  }
  return { config };
}

/** `record[key]` for own keys only: a config named "constructor" must not find a function. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function invalid(errorMessage: string): ConfigProblem {
  return { errorCode: KafkaError.INVALID_CONFIG, errorMessage };
}

/** Kafka `ConfigResource.Type` values SPS serves. */
export const ResourceType = { TOPIC: 2, BROKER: 4 } as const;

/** Kafka's `DescribeConfigsResponse.ConfigSource` values used here. */
export const ConfigSource = {
  DYNAMIC_TOPIC_CONFIG: 1,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
} as const;

/** One described config, before the version-specific shaping. */
export interface ConfigEntry {
  name: string;
  value: string;
  readOnly: boolean;
  isDefault: boolean;
  source: number;
  /** The broker-level setting that supplies the default, with its value. */
  synonym: { name: string; value: string; source: number } | null;
}

/**
 * Every topic config of a stream. A settable value equal to the broker default is reported
 * as the default (SPS does not record which values were set explicitly); fixed ones are
 * read-only defaults.
 */
export function describeTopicConfigs(config: StreamConfig, defaults: StreamConfig): ConfigEntry[] {
  const settable = Object.entries(SETTABLE_TOPIC_CONFIGS).map(([name, s]): ConfigEntry => {
    const value = String(config[s.field]);
    const isDefault = config[s.field] === defaults[s.field];
    return {
      name,
      value,
      readOnly: false,
      isDefault,
      source: isDefault ? ConfigSource.DEFAULT_CONFIG : ConfigSource.DYNAMIC_TOPIC_CONFIG,
      synonym: {
        name: s.brokerName,
        value: String(defaults[s.field]),
        source: ConfigSource.STATIC_BROKER_CONFIG,
      },
    };
  });
  const fixed = Object.entries(FIXED_TOPIC_CONFIGS).map(
    ([name, [value, brokerName]]): ConfigEntry => ({
      name,
      value,
      readOnly: true,
      isDefault: true,
      source: ConfigSource.DEFAULT_CONFIG,
      synonym: { name: brokerName, value, source: ConfigSource.DEFAULT_CONFIG },
    }),
  );
  return [...settable, ...fixed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
