import { type ApiKey } from '../protocol/api-keys';
import { type Handler, type HandlerFor, type HandlerMap } from './handler';

/**
 * Handlers by API key. An API is advertised in ApiVersions (and served) only when a handler
 * is registered for it, so a half-built server never invites requests it cannot answer.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<number, Handler<unknown, unknown>>();

  constructor(initial: HandlerMap = {}) {
    for (const [key, handler] of Object.entries(initial)) {
      if (handler !== undefined)
        this.handlers.set(Number(key), handler as Handler<unknown, unknown>);
    }
  }

  /** Registers (or replaces) the handler of API key `key`. */
  register<K extends ApiKey>(key: K, handler: HandlerFor<K>): this {
    this.handlers.set(key, handler as Handler<unknown, unknown>);
    return this;
  }

  has(key: number): boolean {
    return this.handlers.has(key);
  }

  /** The handler with its types erased, for the dispatcher. */
  get(key: number): Handler<unknown, unknown> | undefined {
    return this.handlers.get(key);
  }
}
