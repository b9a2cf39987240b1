/**
 * An SMTP send that failed, with the retry decision the SPS delivery runtime reads
 * (`retriable`, never the message):
 *
 * - the server refused the message for good (a 5xx reply: unknown mailbox, policy) → not
 *   retriable: the event is dead-lettered at once with the server's reply as the reason;
 * - everything else (connection refused or lost, timeouts, DNS, a 4xx "try again later") →
 *   retriable: the runtime retries with backoff (see MAILER_RETRY), then dead-letters.
 */
export class SmtpSendError extends Error {
  override readonly name = 'SmtpSendError';
  readonly retriable: boolean;
  /** nodemailer's error code, e.g. `ESOCKET`, `ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`. */
  readonly code: string | undefined;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(cause: unknown) {
    const e = (typeof cause === 'object' && cause !== null ? cause : {}) as {
      code?: unknown;
      responseCode?: unknown;
      message?: unknown;
    };
    const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
    const code = typeof e.code === 'string' ? e.code : undefined;
    const detail = typeof e.message === 'string' ? e.message : String(cause);
    super(`SMTP send failed${code ? ` (${code})` : ''}: ${detail}`, { cause });
    this.code = code;
    this.responseCode = responseCode;
    this.retriable = !(responseCode !== undefined && responseCode >= 500 && responseCode < 600);
  }
}
