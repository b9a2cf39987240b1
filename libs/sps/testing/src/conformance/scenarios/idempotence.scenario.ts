/**
 * The idempotent producer: a batch retried because its acknowledgement was lost is stored
 * once. The same injected loss without idempotence stores it twice, which shows the injection
 * really makes the producer send again.
 */
import { describe, expect, it } from 'vitest';
import { type ConformanceClient } from '../conformance-client';
import { type SuiteContext } from '../suite-context';
import { readAll } from './read-all';

async function storedValues(client: ConformanceClient, stream: string): Promise<string[]> {
  return (await readAll(client, stream)).map((r) => r.value!.toString());
}

export function idempotenceScenarios(s: SuiteContext): void {
  describe('idempotent producer', () => {
    it('stores a batch once when the producer retried it after a lost acknowledgement', async () => {
      const client = await s.client();
      const stream = await s.newStream(1);
      const lossy = await s.harness().producerWithLostAcks(client, { idempotent: true });
      const placed = await lossy.send(stream, [
        { key: 'ord_1', value: 'order-1' },
        { key: 'ord_1', value: 'order-2' },
        { key: 'ord_1', value: 'order-3' },
      ]);
      const more = await lossy.send(stream, [{ key: 'ord_1', value: 'order-4' }]);

      expect(await storedValues(client, stream)).toEqual([
        'order-1',
        'order-2',
        'order-3',
        'order-4',
      ]);
      // The producer was told the indexes where the records really are.
      const stored = await client.admin().read(stream, 0, { from: placed[0]!.index, limit: 4 });
      expect(stored.map((r) => r.index)).toEqual([...placed, ...more].map((p) => p.index));
    });

    it('stores the retried batch twice without idempotence (the injection is real)', async () => {
      const client = await s.client();
      const stream = await s.newStream(1);
      const lossy = await s.harness().producerWithLostAcks(client, { idempotent: false });
      await lossy.send(stream, [{ key: 'ord_1', value: 'order-1' }]);
      expect(await storedValues(client, stream)).toEqual(['order-1', 'order-1']);
    });
  });
}
