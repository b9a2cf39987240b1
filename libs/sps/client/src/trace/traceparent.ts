/**
 * W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/), version 00:
 *
 *   traceparent = "00-" trace-id "-" parent-id "-" trace-flags
 *   trace-id    = 32 lowercase hex, not all zero      (the whole trace)
 *   parent-id   = 16 lowercase hex, not all zero      (the span that caused this one)
 *   trace-flags = 2 lowercase hex                     (bit 0: sampled)
 *
 * A producer stamps every record with a child of the current context (same trace id, a new
 * parent id), or a new root when there is none; a consumer runs the handler inside the
 * record's context (AsyncLocalStorage), so whatever the handler produces continues the trace.
 * That is all SPS needs; OpenTelemetry can read and continue these headers unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** The record header that carries the trace context (DESIGN.md: order event headers). */
export const TRACEPARENT_HEADER = 'traceparent';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A parsed `traceparent`. */
export interface TraceContext {
  traceId: string;
  parentId: string;
  /** Bit 0 = sampled. */
  flags: number;
}

/** Parses a version-00 `traceparent`; `null` when it is absent or invalid (all-zero ids too). */
export function parseTraceparent(value: string | null | undefined): TraceContext | null {
  const match = value ? TRACEPARENT.exec(value) : null;
  if (!match) return null;
  const [, traceId, parentId, flags] = match as unknown as [string, string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return null;
  return { traceId, parentId, flags: Number.parseInt(flags, 16) };
}

export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.parentId}-${context.flags.toString(16).padStart(2, '0')}`;
}

/** A new trace: random trace id and parent id, sampled. */
export function newRootTraceparent(): string {
  return formatTraceparent({
    traceId: randomBytes(16).toString('hex'),
    parentId: randomBytes(8).toString('hex'),
    flags: 1,
  });
}

/** The same trace, one hop further: a new parent id, the same trace id and flags. */
export function childTraceparent(parent: string): string {
  const context = parseTraceparent(parent);
  if (!context) return newRootTraceparent();
  return formatTraceparent({ ...context, parentId: randomBytes(8).toString('hex') });
}

const current = new AsyncLocalStorage<string>();

/** The `traceparent` of the code running now (a handler, or code run by {@link withTraceparent}). */
export function currentTraceparent(): string | undefined {
  return current.getStore();
}

/**
 * Runs `fn` inside a trace context: records produced inside carry a child of `traceparent`.
 * The consumer does this for every handler; an HTTP entry point can do it with the incoming
 * request's header.
 *
 * @example
 * ```ts
 * app.use((req, _res, next) => withTraceparent(req.headers.traceparent, next));
 * ```
 */
export function withTraceparent<T>(traceparent: string | null | undefined, fn: () => T): T {
  const valid = parseTraceparent(traceparent) ? traceparent! : undefined;
  return valid ? current.run(valid, fn) : current.exit(fn);
}

/** The `traceparent` for a record produced now: a child of the current context, else a root. */
export function traceparentForNewRecord(): string {
  const parent = currentTraceparent();
  return parent ? childTraceparent(parent) : newRootTraceparent();
}
