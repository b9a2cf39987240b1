/**
 * Looking at a stream and a group: reading a partition backwards (the seed's consumer that
 * traverses a stream backwards), and lag = high watermark − committed index per partition.
 */
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type ConformanceClient } from '../conformance-client';
import { type SuiteContext } from '../suite-context';

async function collect(iterable: AsyncIterable<{ value: Buffer | null }>): Promise<string[]> {
  const out: string[] = [];
  for await (const m of iterable) out.push(m.value!.toString());
  return out;
}

async function lagOf(client: ConformanceClient, group: string) {
  const d = await client.admin().describeGroup(group);
  for (const p of d.partitions) {
    if (p.committedIndex !== null) {
      expect(p.lag).toBe(Number(p.highWatermark) - Number(p.committedIndex));
    }
  }
  return d;
}

export function inspectionScenarios(s: SuiteContext): void {
  describe('inspection', () => {
    it('reads a partition backwards, newest first, across pages and from an index', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      const values = Array.from({ length: 10 }, (_, i) => `order-${i}`);
      const placed = await client.producer().send(
        stream,
        values.map((value) => ({ value, partition: 1 })),
      );
      const admin = client.admin();

      expect(await collect(admin.readBackwards(stream, 1, { pageSize: 3 }))).toEqual(
        [...values].reverse(),
      );
      expect(await collect(admin.readBackwards(stream, 1, { before: placed[5]!.index }))).toEqual(
        values.slice(0, 5).reverse(),
      );
      expect(await collect(admin.readBackwards(stream, 0))).toEqual([]);
    });

    it('reports lag as high watermark − committed index, 0 once the group caught up', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      const group = s.newGroup();
      const batch = (prefix: string, n: number) =>
        Array.from({ length: n }, (_, i) => ({ value: `${prefix}-${i}`, partition: i % 2 }));
      await client.producer().send(stream, batch('a', 10));
      const handled = new RecordCollector();
      const member = client.consumer({ group, streams: [stream], ...s.fast() });
      await member.start(handled.handler);
      await handled.waitForCount(10);
      await waitFor(async () => (await lagOf(client, group)).totalLag === 0, {
        description: 'lag 0',
      });
      await member.stop();

      await client.producer().send(stream, batch('b', 5)); // 3 on partition 0, 2 on partition 1
      const behind = await lagOf(client, group);
      expect(behind.totalLag).toBe(5);
      expect(behind.partitions.map((p) => p.lag)).toEqual([3, 2]);

      const catchUp = client.consumer({ group, streams: [stream], ...s.fast() });
      await catchUp.start(() => undefined);
      await waitFor(async () => (await lagOf(client, group)).totalLag === 0, {
        description: 'lag 0 again',
      });
      expect((await lagOf(client, group)).partitions.map((p) => p.lag)).toEqual([0, 0]);
    });
  });
}
