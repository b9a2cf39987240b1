import { type ApiVersionRange } from '../protocol/apis';
import { type HandlerRegistry } from '../handlers/registry';
import { type WireLogger } from './logger';

/** Limits and settings every connection reads (resolved server options). */
export interface ConnectionLimits {
  readonly maxFrameBytes: number;
  readonly idleTimeoutMs: number;
  readonly maxBufferedBytes: number;
}

/** What a connection needs from its server. */
export interface ServerCore {
  readonly limits: ConnectionLimits;
  readonly logger: WireLogger;
  readonly registry: HandlerRegistry;
  readonly users: Readonly<Record<string, string>> | null;
  /** The ranges ApiVersions advertises right now (APIs with a handler). */
  advertised(): ApiVersionRange[];
  /** The advertised range of one API key, or undefined when it is not served. */
  servedRange(apiKey: number): ApiVersionRange | undefined;
}
