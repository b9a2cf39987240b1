// Waiting for a condition with a deadline: how SPS tests wait for records, assignments and
// commits. Never a fixed sleep: a fixed sleep is either too short on a loaded CI machine or
// wastes time everywhere else.

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this many milliseconds. @default 10000 */
  timeoutMs?: number;
  /** Pause between two checks. @default 20 */
  intervalMs?: number;
  /** What is awaited, for the timeout error's message. @default 'a condition' */
  description?: string;
  /** Give up early: return a reason to fail with it at once (e.g. "the process exited"). */
  abort?: () => string | undefined;
}

/**
 * Calls `condition` until it returns a value other than `undefined`, `null` or `false`, and
 * returns that value. A condition that throws counts as "not yet" (so `expect(...)` works as a
 * condition); on timeout the last error is the cause, and its message is quoted.
 *
 * @example
 * ```ts
 * await waitFor(() => collector.records.length >= 10, { description: '10 records' });
 * await waitFor(() => expect(collector.values()).toEqual(['a', 'b']));
 * ```
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<Exclude<T, undefined | null | false>> {
  const { timeoutMs = 10_000, intervalMs = 20, description = 'a condition', abort } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = abort?.();
    if (aborted !== undefined) throw new Error(`Gave up waiting for ${description}: ${aborted}`);
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) {
        return value as Exclude<T, undefined | null | false>;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${detail}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
