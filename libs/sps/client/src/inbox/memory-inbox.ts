/**
 * An in-memory inbox for unit tests. It behaves like the database one: concurrent deliveries
 * of one event id run one after the other (the database's row lock), an effect that throws
 * records nothing, and a recorded id turns every later delivery into a duplicate.
 */
import { type Inbox, type InboxOutcome } from './inbox';

export class MemoryInbox implements Inbox<void> {
  private readonly handled = new Set<string>();
  private readonly locks = new Map<string, Promise<void>>();

  async handleOnce<T>(eventId: string, effect: () => Promise<T> | T): Promise<InboxOutcome<T>> {
    const previous = this.locks.get(eventId) ?? Promise.resolve();
    let release!: () => void;
    const mine = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.locks.set(eventId, mine);
    await previous;
    try {
      if (this.handled.has(eventId)) return { status: 'duplicate' };
      const result = await effect();
      this.handled.add(eventId);
      return { status: 'handled', result };
    } finally {
      release();
      if (this.locks.get(eventId) === mine) this.locks.delete(eventId);
    }
  }

  /** Whether the event was recorded as handled. */
  has(eventId: string): boolean {
    return this.handled.has(eventId);
  }
}
