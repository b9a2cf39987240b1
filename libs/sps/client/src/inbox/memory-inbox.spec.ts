import { describe, expect, it } from 'vitest';
import { eventIdOf } from './inbox';
import { MemoryInbox } from './memory-inbox';

describe('MemoryInbox', () => {
  it('runs an effect once per event id; a failed effect records nothing', async () => {
    const inbox = new MemoryInbox();
    const effects: string[] = [];
    expect(await inbox.handleOnce('evt-1', () => effects.push('mail ord_1'))).toEqual({
      status: 'handled',
      result: 1,
    });
    expect(await inbox.handleOnce('evt-1', () => effects.push('again'))).toEqual({
      status: 'duplicate',
    });
    await expect(
      inbox.handleOnce('evt-2', () => {
        throw new Error('smtp down');
      }),
    ).rejects.toThrow('smtp down');
    expect(inbox.has('evt-2')).toBe(false);
    await inbox.handleOnce('evt-2', () => effects.push('mail ord_2'));
    expect(effects).toEqual(['mail ord_1', 'mail ord_2']);
  });

  it('runs concurrent deliveries of one event one after the other, the effect once', async () => {
    const inbox = new MemoryInbox();
    let runs = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        inbox.handleOnce('evt-1', async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'handled',
    ]);
  });

  it('takes the event id from the event-id header, else from where the record is stored', () => {
    const base = {
      stream: 'orders',
      partition: 2,
      index: 41,
      key: null,
      value: null,
      timestamp: 0,
    };
    expect(
      eventIdOf({ ...base, headers: [{ key: 'event-id', value: Buffer.from('evt-9') }] }),
    ).toBe('evt-9');
    expect(eventIdOf({ ...base, headers: [] })).toBe('orders/2/41');
  });
});
