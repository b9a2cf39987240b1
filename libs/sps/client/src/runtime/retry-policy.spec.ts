import { SpsError } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveRetryPolicy, shouldRetry } from './retry-policy';

describe('retry policy', () => {
  const policy = resolveRetryPolicy({ initialDelayMs: 100, maxDelayMs: 1_000, jitter: 0.5 });

  it('doubles the delay per attempt up to the cap, without jitter at random() = 0', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, policy, () => 0))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('takes up to the jitter share off each delay', () => {
    expect(backoffDelay(1, policy, () => 0.999)).toBe(50);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
  });

  it('decides by the retriable flag, and by the policy when the error does not say', () => {
    expect(shouldRetry(new SpsError('SPS_ERR_TIMEOUT', 'slow'), policy)).toBe(true);
    expect(shouldRetry(new SpsError('SPS_ERR_MALFORMED', 'bad bytes'), policy)).toBe(false);
    expect(shouldRetry(Object.assign(new Error('x'), { retriable: false }), policy)).toBe(false);
    expect(shouldRetry(new Error('who knows'), policy)).toBe(true);
    expect(shouldRetry(new Error('who knows'), { ...policy, retryUnknownErrors: false })).toBe(
      false,
    );
  });

  it('has the documented defaults and refuses nonsense', () => {
    expect(resolveRetryPolicy()).toEqual({
      maxAttempts: 5,
      initialDelayMs: 200,
      maxDelayMs: 30_000,
      multiplier: 2,
      jitter: 0.5,
      retryUnknownErrors: true,
    });
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveRetryPolicy({ jitter: 2 })).toThrow(/jitter/);
  });
});
