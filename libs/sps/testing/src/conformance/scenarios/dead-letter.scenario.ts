/**
 * Dead letters: a record whose handler keeps failing is retried, then moved to `<stream>.dlq`
 * — original key, value and headers, plus why, how often, and where it came from — and the
 * records after it are handled: a poison record never blocks its partition. A non-retriable
 * error is dead-lettered at once. Re-drive moves dead letters back once, as they were.
 */
import { type RecordHeader } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { waitFor } from '../../wait-for';
import { type SuiteContext } from '../suite-context';
import { readAll } from './read-all';

const header = (headers: RecordHeader[], key: string) =>
  headers.findLast((h) => h.key === key)?.value?.toString();

export function deadLetterScenarios(s: SuiteContext): void {
  describe('dead letters', () => {
    it('moves a poison record to <stream>.dlq after its retries and goes on; re-drive brings it back once', async () => {
      const client = await s.client();
      const stream = await s.newStream(1);
      const group = s.newGroup();
      const placed = await client.producer().send(
        stream,
        ['ok-1', 'poison', 'fatal', 'ok-2'].map((value) => ({
          key: 'ord_7',
          value,
          headers: { 'event-id': `evt-${value}`, 'event-type': 'order.placed' },
        })),
      );
      const attempts = new Map<string, number>();
      let healed = false;
      const handled = new RecordCollector();
      const consumer = client.consumer({ group, streams: [stream], ...s.fast() });
      const deadLettered: Array<{ value: string; attempts: number }> = [];
      consumer.on('dead-lettered', (e) =>
        deadLettered.push({ value: e.message.value!.toString(), attempts: e.attempts }),
      );
      await consumer.start((message, context) => {
        const value = message.value!.toString();
        attempts.set(value, context.attempt);
        if (!healed && value === 'poison') throw new Error('cannot parse order');
        if (!healed && value === 'fatal') {
          throw Object.assign(new Error('order total is negative'), {
            code: 'INVALID_ORDER',
            retriable: false,
          });
        }
        handled.handler(message);
      });

      await handled.waitForValues(['ok-1', 'ok-2']);
      expect(handled.values()).toEqual(['ok-1', 'ok-2']); // the partition went on past both
      await waitFor(() => deadLettered.length === 2);
      expect(deadLettered).toEqual([
        { value: 'poison', attempts: 3 }, // retried: the error did not say it was final
        { value: 'fatal', attempts: 1 }, // retriable: false → at once
      ]);
      expect(attempts.get('poison')).toBe(3);

      const dlq = `${stream}.dlq`;
      const letters = await readAll(client, dlq);
      expect(letters.map((l) => l.value!.toString()).sort()).toEqual(['fatal', 'poison']);
      const poison = letters.find((l) => l.value!.toString() === 'poison')!;
      expect(poison.key!.toString()).toBe('ord_7');
      expect(header(poison.headers, 'event-id')).toBe('evt-poison');
      expect(header(poison.headers, 'event-type')).toBe('order.placed');
      expect(header(poison.headers, 'traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
      expect(header(poison.headers, 'sps-dlq-error-message')).toBe('cannot parse order');
      expect(header(poison.headers, 'sps-dlq-attempts')).toBe('3');
      expect(header(poison.headers, 'sps-dlq-source-stream')).toBe(stream);
      expect(header(poison.headers, 'sps-dlq-source-partition')).toBe('0');
      expect(header(poison.headers, 'sps-dlq-source-index')).toBe(String(placed[1]!.index));
      expect(header(poison.headers, 'sps-dlq-group')).toBe(group);
      expect(Date.parse(header(poison.headers, 'sps-dlq-time')!)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      const fatal = letters.find((l) => l.value!.toString() === 'fatal')!;
      expect(header(fatal.headers, 'sps-dlq-error-code')).toBe('INVALID_ORDER');

      // The bug is fixed: re-drive puts both back where they came from, as they were.
      healed = true;
      const first = await client.redrive(dlq, { consumer: s.fast() });
      expect(first.moved).toBe(2);
      await handled.waitForValues(['poison', 'fatal']);
      const back = handled.records.filter((r) => ['poison', 'fatal'].includes(r.value!.toString()));
      for (const r of back) {
        expect(r.key!.toString()).toBe('ord_7');
        expect(r.headers.some((h) => h.key.startsWith('sps-dlq-'))).toBe(false);
        expect(header(r.headers, 'event-id')).toBe(`evt-${r.value!.toString()}`);
      }
      // Run again: nothing left to move (its own group remembers), nothing handled twice.
      expect((await client.redrive(dlq, { consumer: s.fast() })).moved).toBe(0);
      await client.producer().send(stream, [{ key: 'ord_7', value: 'ok-3' }]);
      await handled.waitForValues(['ok-3']);
      expect(handled.values().filter((v) => v === 'poison')).toHaveLength(1);
    });
  });
}
