/**
 * Consumer groups: members share the partitions, members beyond the partition count sit idle
 * (the seed: 7 consumers on 5 partitions → 5 busy, 2 idle), every group gets every record,
 * a graceful stop commits what was handled, and a member that leaves hands its partitions on.
 */
import { type PartitionRef } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type ConformanceConsumer } from '../conformance-client';
import { type SuiteContext } from '../suite-context';

const refs = (list: PartitionRef[]) => list.map((p) => p.partition).sort((a, b) => a - b);
const records = (n: number, prefix = 'order') =>
  Array.from({ length: n }, (_, i) => ({ key: `ord_${i}`, value: `${prefix}-${i}` }));

export function groupScenarios(s: SuiteContext): void {
  describe('consumer groups', () => {
    it('shares the partitions between two members of one group, each record handled once', async () => {
      const client = await s.client();
      const stream = await s.newStream(4);
      const group = s.newGroup();
      const [a, b] = [new RecordCollector(), new RecordCollector()];
      const first = client.consumer({ group, streams: [stream], ...s.fast() });
      await first.start(a.handler);
      await waitFor(() => first.assignment().length === 4);
      const second = client.consumer({ group, streams: [stream], ...s.fast() });
      await second.start(b.handler);
      await waitFor(() => first.assignment().length === 2 && second.assignment().length === 2, {
        description: 'a 2 + 2 split',
      });
      expect([...refs(first.assignment()), ...refs(second.assignment())].sort()).toEqual([
        0, 1, 2, 3,
      ]);

      await client.producer().send(stream, records(40));
      await waitFor(() => a.records.length + b.records.length >= 40);
      expect([...a.values(), ...b.values()].sort()).toEqual(
        records(40)
          .map((r) => r.value)
          .sort(),
      );
      expect(a.records.length).toBeGreaterThan(0);
      expect(b.records.length).toBeGreaterThan(0);
      for (const r of a.records) expect(refs(first.assignment())).toContain(r.partition);
      for (const r of b.records) expect(refs(second.assignment())).toContain(r.partition);
    });

    it('leaves two of seven members idle on five partitions (the seed example)', async () => {
      const client = await s.client();
      const stream = await s.newStream(5);
      const group = s.newGroup();
      const members = Array.from({ length: 7 }, () =>
        client.consumer({ group, streams: [stream], ...s.fast() }),
      );
      const handled = members.map(() => new RecordCollector());
      await Promise.all(members.map((m, i) => m.start(handled[i]!.handler)));

      const described = await waitFor(
        async () => {
          const d = await client.admin().describeGroup(group);
          const owned = d.members.reduce((n, m) => n + m.partitions.length, 0);
          // The members' own views too: each learns its assignment when its sync returns.
          const local = members.reduce((n, m) => n + m.assignment().length, 0);
          return d.members.length === 7 && owned === 5 && local === 5 ? d : undefined;
        },
        { description: '7 members owning 5 partitions' },
      );
      const counts = described.members.map((m) => m.partitions.length).sort();
      expect(counts).toEqual([0, 0, 1, 1, 1, 1, 1]);
      expect(described.members.flatMap((m) => refs(m.partitions)).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(members.map((m) => m.assignment().length).sort()).toEqual([0, 0, 1, 1, 1, 1, 1]);

      // The five busy members handle everything; the idle two get nothing.
      await client.producer().send(stream, records(50));
      await waitFor(() => handled.reduce((n, c) => n + c.records.length, 0) >= 50);
      const idle = members.flatMap((m, i) => (m.assignment().length === 0 ? [handled[i]!] : []));
      expect(idle).toHaveLength(2);
      for (const c of idle) expect(c.records).toEqual([]);
    });

    it('gives every record to every group, each group at its own pace', async () => {
      const client = await s.client();
      const stream = await s.newStream(3);
      await client.producer().send(stream, records(30));
      const groups = [s.newGroup('mailer'), s.newGroup('shipping'), s.newGroup('crm')];
      const handled = groups.map(() => new RecordCollector());
      const consumers: ConformanceConsumer[] = groups.map((group) =>
        client.consumer({ group, streams: [stream], ...s.fast() }),
      );
      await Promise.all(consumers.map((c, i) => c.start(handled[i]!.handler)));
      for (const c of handled) await c.waitForCount(30);
      for (const c of handled)
        expect(c.values().sort()).toEqual(
          records(30)
            .map((r) => r.value)
            .sort(),
        );

      // Stopping one group does not hold back the others.
      await consumers[0]!.stop();
      await client.producer().send(stream, records(3, 'late'));
      await handled[1]!.waitForValues(['late-0', 'late-1', 'late-2']);
      await handled[2]!.waitForValues(['late-0', 'late-1', 'late-2']);
      expect(handled[0]!.records).toHaveLength(30);
    });

    it('commits on a graceful stop, so the next member goes on where it stopped', async () => {
      const client = await s.client();
      const stream = await s.newStream(2);
      const group = s.newGroup();
      await client.producer().send(stream, records(10));
      const first = new RecordCollector();
      // Commits only on stop: the interval and the count are never reached in this test.
      const noTimedCommits = s.fast({ commit: { intervalMs: 600_000, maxPending: 1_000_000 } });
      const member = client.consumer({ group, streams: [stream], ...noTimedCommits });
      await member.start(first.handler);
      await first.waitForCount(10);
      expect(
        (await client.admin().describeGroup(group)).partitions.every(
          (p) => p.committedIndex === null,
        ),
      ).toBe(true);
      await member.stop();
      const after = await client.admin().describeGroup(group);
      expect(after.members).toEqual([]);
      expect(after.totalLag).toBe(0);

      await client.producer().send(stream, records(2, 'new'));
      const next = new RecordCollector();
      const successor = client.consumer({ group, streams: [stream], ...s.fast() });
      await successor.start(next.handler);
      await next.waitForValues(['new-0', 'new-1']);
      expect(next.values().sort()).toEqual(['new-0', 'new-1']);
    });

    it('hands the partitions of a member that leaves to the one that stays', async () => {
      const client = await s.client();
      const stream = await s.newStream(4);
      const group = s.newGroup();
      const [a, b] = [new RecordCollector(), new RecordCollector()];
      const stays = client.consumer({ group, streams: [stream], ...s.fast() });
      const leaves = client.consumer({ group, streams: [stream], ...s.fast() });
      await Promise.all([stays.start(a.handler), leaves.start(b.handler)]);
      await waitFor(() => stays.assignment().length === 2 && leaves.assignment().length === 2);
      await leaves.stop();
      await waitFor(() => stays.assignment().length === 4, { description: 'all 4 partitions' });

      await client.producer().send(stream, records(20));
      await a.waitForCount(20);
      expect(a.values().sort()).toEqual(
        records(20)
          .map((r) => r.value)
          .sort(),
      );
      expect(b.records).toEqual([]);
    });
  });
}
