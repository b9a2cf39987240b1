/**
 * Adding partitions: partitions are added, never removed; keys whose murmur2 placement changes
 * land on the new partitions from then on, and a running group picks the new partitions up.
 */
import { partitionForKey } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type SuiteContext } from '../suite-context';

export function partitionScenarios(s: SuiteContext): void {
  describe('adding partitions', () => {
    it('places new records of moved keys on the new partitions, and the group consumes them', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      const handled = new RecordCollector();
      const consumer = client.consumer({ group: s.newGroup(), streams: [stream], ...s.fast() });
      await consumer.start(handled.handler);
      await waitFor(() => consumer.assignment().length === 2);

      await client.admin().addPartitions(stream, 4);
      expect((await client.admin().describeStream(stream)).partitions).toHaveLength(4);
      const moved = Array.from({ length: 40 }, (_, i) => `ord_${i}`)
        .filter((key) => partitionForKey(key, 4) >= 2)
        .slice(0, 6);
      expect(moved.length).toBe(6);
      const placed = await client.producer().send(
        stream,
        moved.map((key) => ({ key, value: `after-${key}` })),
      );
      placed.forEach((p, i) => expect(p.partition).toBe(partitionForKey(moved[i]!, 4)));

      await handled.waitForValues(
        moved.map((key) => `after-${key}`),
        { timeoutMs: 20_000 },
      );
      await waitFor(() => consumer.assignment().length === 4);
      expect(handled.partitions().filter((p) => p >= 2).length).toBeGreaterThan(0);
    });
  });
}
