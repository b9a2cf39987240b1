/**
 * Kafka API keys (kafka.apache.org/protocol.html#protocol_api_keys) for the APIs this layer
 * has codecs for. The numbers are the wire values; never renumber.
 */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
} as const;

/** One of the API keys this layer can decode. */
export type ApiKey = (typeof ApiKey)[keyof typeof ApiKey];

/** The API's name as in Kafka's message definitions, for logs (`Produce`, `Fetch`, ...). */
export type ApiName = keyof typeof ApiKey;

const NAMES = new Map<number, ApiName>(
  Object.entries(ApiKey).map(([name, key]) => [key, name as ApiName]),
);

/** True when `key` is an API key this layer has a codec for. */
export function isKnownApiKey(key: number): key is ApiKey {
  return NAMES.has(key);
}

/** The name of a known API key, or `ApiKey(<n>)` for logs about unknown ones. */
export function apiName(key: number): string {
  return NAMES.get(key) ?? `ApiKey(${key})`;
}
