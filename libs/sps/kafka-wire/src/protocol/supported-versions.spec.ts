import { describe, expect, it } from 'vitest';
import { apiName, ApiKey } from './api-keys';
import { API_CODECS } from './apis';
import { SUPPORTED_VERSIONS } from './supported-versions';

describe('SUPPORTED_VERSIONS (KAFKA-WIRE §6)', () => {
  it('lists every API with a codec exactly once', () => {
    expect(SUPPORTED_VERSIONS.map((r) => r.apiKey).sort((a, b) => a - b)).toEqual(
      Object.values(ApiKey).sort((a, b) => a - b),
    );
  });

  it.each(SUPPORTED_VERSIONS.map((r) => [r.name, r] as const))(
    '%s: min 0 (librdkafka 2.0.2 feature detection), max = last codec version, below flexible',
    // (DescribeConfigs stops at 2 although 3 is still non-flexible: no client we target sends 3.)
    (_name, row) => {
      const codec = API_CODECS[row.apiKey];
      expect(row.minVersion).toBe(0);
      expect(row.maxVersion).toBe(codec.versions.length - 1);
      if (codec.flexibleFrom !== null) expect(row.maxVersion).toBeLessThan(codec.flexibleFrom);
      expect(apiName(row.apiKey)).toBe(row.name);
    },
  );

  it('advertises the ranges of the §6 table', () => {
    expect(Object.fromEntries(SUPPORTED_VERSIONS.map((r) => [r.name, r.maxVersion]))).toEqual({
      Produce: 8,
      Fetch: 11,
      ListOffsets: 5,
      Metadata: 8,
      OffsetCommit: 7,
      OffsetFetch: 5,
      FindCoordinator: 2,
      JoinGroup: 5,
      Heartbeat: 3,
      LeaveGroup: 3,
      SyncGroup: 3,
      DescribeGroups: 4,
      ListGroups: 2,
      SaslHandshake: 1,
      ApiVersions: 2,
      CreateTopics: 4,
      DeleteTopics: 3,
      DeleteRecords: 1,
      InitProducerId: 1,
      DescribeConfigs: 2,
      AlterConfigs: 1,
      SaslAuthenticate: 1,
      CreatePartitions: 1,
      DeleteGroups: 1,
    });
  });
});
