/**
 * At-least-once delivery, done honestly: a consumer in another OS process handles records and
 * is SIGKILLed before it could commit (its commit interval is longer than its life, and it
 * reports every commit, so the test can tell). A new member of the same group must get those
 * records again. Then, once that member committed, a third one must not.
 */
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { type SuiteContext } from '../suite-context';

export function atLeastOnceScenarios(s: SuiteContext): void {
  describe('at-least-once delivery', () => {
    it('gives a record again when its consumer was killed after handling, before committing', async () => {
      const harness = s.harness();
      const setup = await harness.connect();
      const stream = await s.newStream(1);
      await setup.producer().send(stream, [
        { key: 'ord_1', value: 'order-1' },
        { key: 'ord_1', value: 'order-2' },
      ]);
      await setup.close(); // the child process gets the backend to itself (see the harness)
      const group = s.newGroup();

      const child = await harness.startConsumerProcess({ group, stream });
      await child.script.waitForLine(/^handled order-2$/);
      expect(child.script.lines).toContain('handled order-1');
      expect(child.script.lines.filter((l) => l.startsWith('committed'))).toEqual([]);
      await child.kill(); // SIGKILL: no graceful shutdown, no commit

      const client = await harness.connect();
      const again = new RecordCollector();
      const member = client.consumer({ group, streams: [stream], ...s.fast() });
      await member.start(again.handler);
      await again.waitForValues(['order-1', 'order-2']);
      expect(again.values()).toEqual(['order-1', 'order-2']);
      await member.stop(); // graceful: commits what it handled

      // Committed now: the next member of the group starts after them.
      await client.producer().send(stream, [{ key: 'ord_1', value: 'order-3' }]);
      const next = new RecordCollector();
      const third = client.consumer({ group, streams: [stream], ...s.fast() });
      await third.start(next.handler);
      await next.waitForValues(['order-3']);
      expect(next.values()).toEqual(['order-3']);
      await third.stop();
      await client.close();
    });
  });
}
