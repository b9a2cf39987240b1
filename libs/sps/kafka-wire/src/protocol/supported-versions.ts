/**
 * The version ranges SPS can serve (KAFKA-WIRE.md §6), as data. ApiVersions advertises the
 * rows whose API has a registered handler, and the dispatcher refuses everything else.
 *
 * Two rules shape the table:
 * - **min 0 everywhere.** librdkafka 2.0.2 enables a feature only when the advertised range
 *   contains specific OLD versions (JoinGroup/SyncGroup/Heartbeat/LeaveGroup/FindCoordinator
 *   v0, OffsetCommit v1–2, Produce v3 + Fetch v4, ...); a Kafka-4.0-style minimum silently
 *   disables consumer groups for `kcat -G` (KAFKA-19444, librdkafka PRs #5130/#5131).
 * - **max just below the first flexible version.** Clients negotiate down to what we
 *   advertise, so kafkajs 2.2.4, librdkafka 2.0.2 and 2.15 all work without any KIP-482
 *   tagged-field code. The only flexible request we ever see is librdkafka's opening
 *   ApiVersions v3, answered in the v0 layout with UNSUPPORTED_VERSION (see header.ts).
 */
import { ApiKey, type ApiName } from './api-keys';

/** One advertised row: the API and the versions we decode and answer. */
export interface SupportedVersions {
  readonly apiKey: ApiKey;
  readonly name: ApiName;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** Versions each target client sends: kafkajs 2.2.4 / librdkafka 2.0.2 / librdkafka 2.15. */
  readonly sentBy: string;
}

const row = (name: ApiName, maxVersion: number, sentBy: string): SupportedVersions => ({
  apiKey: ApiKey[name],
  name,
  minVersion: 0,
  maxVersion,
  sentBy,
});

/** Every API SPS serves, min 0 to the highest non-flexible version. */
export const SUPPORTED_VERSIONS: readonly SupportedVersions[] = [
  row('Produce', 8, '7 / 7 / 8'),
  row('Fetch', 11, '11 / 11 / 11'),
  row('ListOffsets', 5, '3 / 2 / 5'),
  row('Metadata', 8, '6 / 4 / 8'),
  row('OffsetCommit', 7, '5 / 7 / 7'),
  row('OffsetFetch', 5, '4 / 5 / 5'),
  row('FindCoordinator', 2, '2 / 2 / 2'),
  row('JoinGroup', 5, '5 / 5 / 5'),
  row('Heartbeat', 3, '3 / 3 / 3'),
  row('LeaveGroup', 3, '3 / 1 / 1'),
  row('SyncGroup', 3, '3 / 3 / 3'),
  row('DescribeGroups', 4, '2 / 4 / 4'),
  row('ListGroups', 2, '2 / 2 / 2'),
  row('SaslHandshake', 1, '1 / 1 / 1 (only with SASL)'),
  row('ApiVersions', 2, '2 / 3→0 / 3→0 (v3+ answered as v0 with error 35)'),
  row('CreateTopics', 4, '3 / 4 / 4'),
  row('DeleteTopics', 3, '1 / 1 / 3'),
  row('DeleteRecords', 1, '1 / 1 / 1'),
  row('InitProducerId', 1, '1 / 1 / 1'),
  row('DescribeConfigs', 2, '2 / 1 / 1'),
  row('AlterConfigs', 1, '1 / 0 / 1'),
  row('SaslAuthenticate', 1, '1 / 1 / 1 (only with SASL)'),
  row('CreatePartitions', 1, '1 / 0 / 1'),
  row('DeleteGroups', 1, '1 / 1 / 1'),
];

const BY_KEY = new Map<number, SupportedVersions>(SUPPORTED_VERSIONS.map((r) => [r.apiKey, r]));

/** The supported range of `apiKey`, or undefined when SPS does not serve that API. */
export function supportedVersions(apiKey: number): SupportedVersions | undefined {
  return BY_KEY.get(apiKey);
}
