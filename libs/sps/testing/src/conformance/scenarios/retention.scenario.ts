/**
 * TTL: records older than their stream's TTL are removed; readers see the log start move,
 * cannot read below it, and a consumer whose index was removed under it reads on from the log
 * start (and is told so).
 */
import { hasSpsCode } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type SuiteContext } from '../suite-context';

const HOUR = 3_600_000;

export function retentionScenarios(s: SuiteContext): void {
  describe('TTL', () => {
    it('removes records past their TTL: the log start moves and nothing below it can be read', async () => {
      const client = await s.client();
      const stream = await s.newStream(1, { ttlMs: 60_000 });
      const old = await client.producer().send(
        stream,
        Array.from({ length: 5 }, (_, i) => ({
          value: `old-${i}`,
          partition: 0,
          timestamp: Date.now() - HOUR + i,
        })),
      );
      const admin = client.admin();
      const before = (await admin.describeStream(stream)).partitions[0]!;
      expect(before.logStartIndex).toEqual(old[0]!.index);

      await s.harness().enforceRetention();
      const after = (await admin.describeStream(stream)).partitions[0]!;
      expect(after.logStartIndex).not.toEqual(before.logStartIndex);
      expect(after.logStartIndex).toEqual(after.highWatermark); // everything was old
      const below = await admin.read(stream, 0, { from: old[0]!.index }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(hasSpsCode(below, 'SPS_ERR_INDEX_OUT_OF_RANGE')).toBe(true);

      // New records are kept and readable from the earliest index still there.
      await client.producer().send(stream, [{ value: 'new-0', partition: 0 }]);
      const fromStart = new RecordCollector();
      const reader = client.reader({ stream, from: 'earliest', ...s.fast() });
      await reader.start(fromStart.handler);
      await fromStart.waitForCount(1);
      expect(fromStart.values()).toEqual(['new-0']);
      await reader.stop();

      // A reader asking for a removed index is moved to the log start and told so.
      const stale = new RecordCollector();
      const resets: unknown[] = [];
      const behind = client.reader({
        stream,
        from: { indexes: { 0: old[1]!.index } },
        ...s.fast(),
      });
      behind.on('index-reset', (e) => resets.push(e));
      await behind.start(stale.handler);
      await stale.waitForCount(1);
      expect(stale.values()).toEqual(['new-0']);
      await waitFor(() => resets.length === 1);
      expect(resets[0]).toMatchObject({
        stream,
        partition: 0,
        requested: old[1]!.index,
        restartedAt: after.logStartIndex,
      });
    });
  });
}
