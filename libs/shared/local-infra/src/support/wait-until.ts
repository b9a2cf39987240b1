// Polling for a condition with a deadline: how this lib waits for servers to become ready
// (never a fixed sleep).

/** Options of {@link waitUntil}. */
export interface WaitUntilOptions {
  /** Give up after this many milliseconds. @default 30000 */
  timeoutMs?: number;
  /** Pause between two checks. @default 50 */
  intervalMs?: number;
  /** What is awaited, for the timeout error's message. */
  description: string;
  /** Stop waiting early: return a reason (string) to fail with it, e.g. "process exited". */
  abort?: () => string | undefined;
}

/**
 * Calls `check` until it returns a value other than `undefined` (or `false`) and returns that
 * value. A check that throws counts as "not yet"; its last error is the timeout's `cause`.
 *
 * @example
 * ```ts
 * await waitUntil(() => isListening(port), { description: `port ${port}` });
 * ```
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitUntilOptions,
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 50, description, abort } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = abort?.();
    if (aborted !== undefined) throw new Error(`Gave up waiting for ${description}: ${aborted}`);
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
