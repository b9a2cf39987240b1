// A small client of MailDev's REST API (https://github.com/maildev/maildev, docs/rest.md), for
// tests that assert a mail arrived and for tools that show the inbox.
import { waitUntil } from '../support/wait-until';

/** A mail address as MailDev reports it. */
export interface MailAddress {
  address: string;
  name: string;
}

/** A captured message (the fields of MailDev's JSON that we rely on). */
export interface CapturedMail {
  id: string;
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  /** Plain-text body, when the mail has one. */
  text?: string;
  /** HTML body, when the mail has one. */
  html?: string;
  /** ISO date the catcher received it. */
  time: string;
  headers: Record<string, string | string[]>;
  attachments?: { fileName: string; contentType: string; length: number }[];
}

/**
 * Reads and clears the inbox of a running mail catcher.
 *
 * @example
 * ```ts
 * const inbox = new MailCatcherClient('http://127.0.0.1:1080');
 * const mail = await inbox.waitForMail((m) => m.to.some((t) => t.address === 'ada@example.com'));
 * ```
 */
export class MailCatcherClient {
  /** @param baseUrl The web inbox, e.g. `http://127.0.0.1:1080`. */
  constructor(readonly baseUrl: string) {}

  /** Every captured message, oldest first. */
  list(): Promise<CapturedMail[]> {
    return this.request<CapturedMail[]>('GET', '/email');
  }

  /** One message by id (MailDev marks it as read). */
  get(id: string): Promise<CapturedMail> {
    return this.request<CapturedMail>('GET', `/email/${encodeURIComponent(id)}`);
  }

  /** The raw message source (RFC 5322), headers and MIME parts as sent. */
  async source(id: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/email/${encodeURIComponent(id)}/source`);
    if (!response.ok) throw new Error(`GET source of ${id}: HTTP ${response.status}`);
    return response.text();
  }

  /** Deletes every captured message. */
  async deleteAll(): Promise<void> {
    await this.request<boolean>('DELETE', '/email/all');
  }

  /**
   * Waits for the first message that satisfies `match` (every message when omitted).
   *
   * @param timeoutMs @default 10000
   */
  waitForMail(
    match: (mail: CapturedMail) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<CapturedMail> {
    return waitUntil(async () => (await this.list()).find(match), {
      description: `a matching mail at ${this.baseUrl}`,
      timeoutMs,
      intervalMs: 100,
    });
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { method });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }
}
