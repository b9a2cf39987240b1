/**
 * Trace context: a record carries a W3C `traceparent`; the handler sees it and runs inside it,
 * so a record produced by the handler continues the same trace (same trace id, new parent id).
 */
import { type RecordHeader } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { RecordCollector } from '../../record-collector';
import { type SuiteContext } from '../suite-context';
import { readAll } from './read-all';

const traceparent = (headers: RecordHeader[]) =>
  headers.findLast((h) => h.key === 'traceparent')?.value?.toString();
const traceId = (tp: string | undefined | null) => tp?.split('-')[1];

export function traceScenarios(s: SuiteContext): void {
  describe('trace context', () => {
    it('carries traceparent from producer to handler, and on to what the handler produces', async () => {
      const client = await s.client();
      const orders = await s.newStream(1);
      const mails = await s.newStream(1, { prefix: 'mails' });
      const producer = client.producer();
      await producer.send(orders, [{ key: 'ord_1', value: 'order-1' }]);

      const seen: Array<string | null> = [];
      const forward = client.consumer({ group: s.newGroup(), streams: [orders], ...s.fast() });
      await forward.start(async (message, context) => {
        seen.push(context.traceparent);
        await producer.send(mails, [
          { key: 'ord_1', value: `mail for ${message.value!.toString()}` },
        ]);
      });
      const mailed = new RecordCollector();
      const mailer = client.consumer({ group: s.newGroup(), streams: [mails], ...s.fast() });
      await mailer.start(mailed.handler);
      await mailed.waitForCount(1);

      const [original] = await readAll(client, orders);
      const first = traceparent(original!.headers);
      const second = traceparent(mailed.records[0]!.headers);
      expect(first).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(seen).toEqual([first]);
      expect(traceId(second)).toBe(traceId(first));
      expect(second).not.toBe(first);
    });
  });
}
