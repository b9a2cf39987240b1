/** Thrown by {@link withTimeout}; `retriable`, since the same call may well succeed later. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly retriable = true;
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`${what} did not answer within ${timeoutMs} ms`);
  }
}

/**
 * `promise`, or a {@link TimeoutError} after `timeoutMs`. The operation itself is not
 * cancelled: a health check or a request stops waiting, the call may still complete.
 *
 * @example
 * ```ts
 * await withTimeout(client.admin().listStreams(), 2000, 'the stream');
 * ```
 */
export async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
