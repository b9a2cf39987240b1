/**
 * Replay and manual indexes: any reader can start from the earliest record, the latest, an
 * index or a time; a group can be reset (never while it has members); and an application that
 * keeps its own index next to its effect gets every record's effect exactly once across restarts.
 */
import { hasSpsCode, type PartitionId, type StreamIndex } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type ConformanceMessage } from '../conformance-client';
import { type SuiteContext } from '../suite-context';

const numbered = (n: number, prefix: string, partition = 0) =>
  Array.from({ length: n }, (_, i) => ({ value: `${prefix}-${i}`, partition }));

export function replayScenarios(s: SuiteContext): void {
  describe('replay', () => {
    it('starts a new group at the earliest record, or at the latest one', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      await client
        .producer()
        .send(stream, [
          ...numbered(3, 'old'),
          ...numbered(3, 'old', 1).map((r) => ({ ...r, value: `${r.value}b` })),
        ]);
      const fromStart = new RecordCollector();
      const fromNow = new RecordCollector();
      const early = client.consumer({
        group: s.newGroup(),
        streams: [stream],
        from: 'earliest',
        ...s.fast(),
      });
      const late = client.consumer({
        group: s.newGroup(),
        streams: [stream],
        from: 'latest',
        ...s.fast(),
      });
      await Promise.all([early.start(fromStart.handler), late.start(fromNow.handler)]);
      await client.producer().send(stream, [{ value: 'new-0', partition: 1 }]);
      await fromStart.waitForCount(7);
      await fromNow.waitForValues(['new-0']);
      expect(fromStart.values().sort()).toEqual([
        'new-0',
        'old-0',
        'old-0b',
        'old-1',
        'old-1b',
        'old-2',
        'old-2b',
      ]);
      expect(fromNow.values()).toEqual(['new-0']);
    });

    it('reads from an index of a partition', async () => {
      const client = await s.client();
      const stream = await s.newStream(1);
      const placed = await client.producer().send(stream, numbered(10, 'order'));
      const handled = new RecordCollector();
      const reader = client.reader({
        stream,
        from: { indexes: { 0: placed[6]!.index } },
        ...s.fast(),
      });
      await reader.start(handled.handler);
      await handled.waitForCount(4);
      expect(handled.values()).toEqual(['order-6', 'order-7', 'order-8', 'order-9']);
      expect(handled.records.map((r) => r.index)).toEqual(placed.slice(6).map((p) => p.index));
    });

    it('reads from a time: the first record at or after it', async () => {
      const client = await s.client();
      const stream = await s.newStream(1);
      const t0 = Date.now() - 60_000;
      await client.producer().send(
        stream,
        numbered(3, 'morning').map((r, i) => ({ ...r, timestamp: t0 + i })),
      );
      await client.producer().send(
        stream,
        numbered(3, 'noon').map((r, i) => ({ ...r, timestamp: t0 + 30_000 + i })),
      );
      const handled = new RecordCollector();
      const reader = client.reader({ stream, from: { time: t0 + 20_000 }, ...s.fast() });
      await reader.start(handled.handler);
      await handled.waitForCount(3);
      expect(handled.values()).toEqual(['noon-0', 'noon-1', 'noon-2']);
    });

    it('resets a group to the earliest record, refusing while the group has members', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      const group = s.newGroup();
      await client.producer().send(stream, [...numbered(3, 'a'), ...numbered(3, 'b', 1)]);
      const first = new RecordCollector();
      const member = client.consumer({ group, streams: [stream], ...s.fast() });
      await member.start(first.handler);
      await first.waitForCount(6);
      await waitFor(async () => (await client.admin().describeGroup(group)).totalLag === 0);

      const refused = await client
        .admin()
        .resetGroup(group, stream, 'earliest')
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(hasSpsCode(refused, 'SPS_ERR_GROUP_NOT_EMPTY')).toBe(true);
      expect((refused as Error).message).toMatch(/members/);

      await member.stop();
      await client.admin().resetGroup(group, stream, 'earliest');
      const again = new RecordCollector();
      const replayer = client.consumer({ group, streams: [stream], ...s.fast() });
      await replayer.start(again.handler);
      await again.waitForCount(6);
      expect(again.values().sort()).toEqual(first.values().sort());
    });

    it('lets the application keep its own index with its effect: each effect exactly once across a crash', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      // The application's "database": its effects and, per partition, the index to read next,
      // always written together (one transaction). Assumes dense numeric indexes (engine, Kafka).
      const db = { effects: [] as string[], next: {} as Record<PartitionId, StreamIndex> };
      const apply = (m: ConformanceMessage) => {
        db.effects.push(m.value!.toString());
        db.next[m.partition] = Number(m.index) + 1;
      };
      await client.producer().send(stream, [...numbered(5, 'a'), ...numbered(5, 'b', 1)]);

      // First run: after four effects the process "crashes": from then on nothing is stored.
      const firstRun = client.reader({ stream, from: { indexes: { ...db.next } }, ...s.fast() });
      await firstRun.start((m) => {
        if (db.effects.length >= 4) throw new Error('crashed');
        apply(m);
      });
      await waitFor(() => db.effects.length === 4);
      await firstRun.stop();

      // Second run: from the stored indexes (partitions without one start at the earliest).
      const secondRun = client.reader({ stream, from: { indexes: { ...db.next } }, ...s.fast() });
      await secondRun.start(apply);
      await waitFor(() => db.effects.length >= 10, { description: '10 effects' });
      await secondRun.stop();
      expect([...db.effects].sort()).toEqual([
        'a-0',
        'a-1',
        'a-2',
        'a-3',
        'a-4',
        'b-0',
        'b-1',
        'b-2',
        'b-3',
        'b-4',
      ]);
    });
  });
}
