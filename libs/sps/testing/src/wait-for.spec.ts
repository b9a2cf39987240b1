import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value, treating throws as "not yet"', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        return calls === 4 ? 'ready' : undefined;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('ready');
  });

  it('times out naming what it waited for and the last error', async () => {
    const error = await waitFor(
      () => {
        throw new Error('still 3 records');
      },
      { timeoutMs: 30, intervalMs: 5, description: '10 records' },
    ).catch((e: unknown) => e as Error);
    expect(error.message).toMatch(/Timed out after 30 ms waiting for 10 records: still 3 records/);
  });

  it('gives up at once when told to abort', async () => {
    const started = Date.now();
    await expect(
      waitFor(() => false, { timeoutMs: 5_000, abort: () => 'the process exited' }),
    ).rejects.toThrow(/the process exited/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
