/**
 * Placement and order: a key always lands on the partition Kafka's murmur2 picks for it, and
 * the records of one key are handled in the order they were produced.
 */
import { partitionForKey } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { type SuiteContext } from '../suite-context';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function placementScenarios(s: SuiteContext): void {
  describe('placement and order', () => {
    it('puts a key on the same partition every time, the one murmur2 picks (as Kafka)', async () => {
      const client = await s.client();
      const stream = await s.newStream(4);
      const producer = client.producer();
      const keys = range(40).map((i) => `ord_${i}`);
      const first = await producer.send(
        stream,
        keys.map((key) => ({ key, value: `${key}:a` })),
      );
      const again = await producer.send(
        stream,
        keys.map((key) => ({ key, value: `${key}:b` })),
      );

      keys.forEach((key, i) => {
        expect(first[i]!.partition).toBe(partitionForKey(key, 4));
        expect(again[i]!.partition).toBe(first[i]!.partition);
      });
      expect(new Set(first.map((r) => r.partition)).size).toBe(4); // 40 keys reach every partition

      // What a consumer sees agrees with what the producer was told.
      const handled = new RecordCollector();
      const consumer = client.consumer({ group: s.newGroup(), streams: [stream], ...s.fast() });
      await consumer.start(handled.handler);
      await handled.waitForCount(80);
      for (const r of handled.records) {
        expect(r.partition).toBe(partitionForKey(r.key!.toString(), 4));
      }
    });

    it('handles the records of each key in the order they were produced', async () => {
      const client = await s.client();
      const stream = await s.newStream(3);
      const producer = client.producer();
      const keys = ['ord_a', 'ord_b', 'ord_c', 'ord_d', 'ord_e', 'ord_f'];
      for (const step of range(10)) {
        // Keys interleaved within each send, one send per step.
        await producer.send(
          stream,
          keys.map((key) => ({ key, value: `${key}#${step}` })),
        );
      }
      const handled = new RecordCollector();
      const consumer = client.consumer({ group: s.newGroup(), streams: [stream], ...s.fast() });
      await consumer.start(handled.handler);
      await handled.waitForCount(60);

      for (const key of keys) {
        expect(handled.valuesForKey(key)).toEqual(range(10).map((step) => `${key}#${step}`));
      }
      expect(handled.partitions().length).toBeGreaterThan(1); // order held across partitions
    });
  });
}
