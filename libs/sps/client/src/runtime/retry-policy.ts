/**
 * When a failed handler is tried again, and for how long. The decision reads the error's
 * `retriable` flag (`isRetriable` from sps-core), never its message:
 * `true` → retry, `false` → dead-letter at once, `undefined` (the error does not say) →
 * `retryUnknownErrors`. Delays grow exponentially up to a cap, with jitter so that consumers
 * failing together do not retry in lockstep.
 */
import { isRetriable, SpsError } from '@shopstream/sps-core';

/** How a consumer retries a failing handler. */
export interface RetryPolicy {
  /**
   * Deliveries of one record, the first included, before it is dead-lettered.
   * @default 5
   */
  maxAttempts: number;
  /** Delay before the first retry. @default 200 */
  initialDelayMs: number;
  /** The delay never grows beyond this. @default 30000 */
  maxDelayMs: number;
  /** Each retry waits this many times longer than the one before. @default 2 */
  multiplier: number;
  /**
   * Share of each delay that is random: `0.5` waits between 50 % and 100 % of it.
   * @default 0.5
   */
  jitter: number;
  /**
   * Retry errors that carry no `retriable` flag (most application errors).
   * @default true
   */
  retryUnknownErrors: boolean;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 200,
  maxDelayMs: 30_000,
  multiplier: 2,
  jitter: 0.5,
  retryUnknownErrors: true,
};

/** Fills in defaults and checks the numbers. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const resolved = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(policy) };
  const problems = [
    Number.isInteger(resolved.maxAttempts) && resolved.maxAttempts >= 1 ? '' : 'maxAttempts',
    resolved.initialDelayMs >= 0 ? '' : 'initialDelayMs',
    resolved.maxDelayMs >= resolved.initialDelayMs ? '' : 'maxDelayMs',
    resolved.multiplier >= 1 ? '' : 'multiplier',
    resolved.jitter >= 0 && resolved.jitter <= 1 ? '' : 'jitter',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `invalid retry policy: ${problems.join(', ')}`, {
      context: { ...resolved },
    });
  }
  return resolved;
}

/** Whether a handler that failed with `error` should be tried again at all. */
export function shouldRetry(error: unknown, policy: RetryPolicy): boolean {
  return isRetriable(error) ?? policy.retryUnknownErrors;
}

/**
 * The wait before delivery number `attempt + 1`, after `attempt` failed deliveries:
 * `min(maxDelayMs, initialDelayMs * multiplier^(attempt - 1))`, of which a `jitter` share is
 * random. `random` is injectable for tests.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (1 - policy.jitter * random()));
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
