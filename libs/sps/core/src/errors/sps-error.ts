import { SPS_ERROR_CATALOG, type SpsErrorCode } from './catalog';

/** Facts about the failure, for logs and for code that reacts to it (never parse messages). */
export type SpsErrorContext = Record<string, unknown>;

export interface SpsErrorOptions {
  context?: SpsErrorContext;
  cause?: unknown;
  /** Overrides the catalog's flag for this instance (e.g. a storage error known to be final). */
  retriable?: boolean;
}

/**
 * The one error type SPS throws. `code` is stable (see the catalog and the README),
 * `retriable` says whether trying again can succeed, `context` carries the facts.
 *
 * @example
 * throw new SpsError('SPS_ERR_UNKNOWN_STREAM', `stream "${name}" does not exist`, { context: { stream: name } });
 */
export class SpsError extends Error {
  override readonly name = 'SpsError';
  readonly code: SpsErrorCode;
  readonly retriable: boolean;
  readonly context: SpsErrorContext;

  constructor(code: SpsErrorCode, message: string, options: SpsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? SPS_ERROR_CATALOG[code].retriable;
    this.context = options.context ?? {};
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retriable: this.retriable,
      context: this.context,
    };
  }
}

/**
 * True for any SpsError, also one created by another copy of this library (a duplicated
 * package in node_modules, a worker): it checks the shape, not the prototype chain.
 */
export function isSpsError(error: unknown): error is SpsError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Partial<SpsError>;
  return (
    e.name === 'SpsError' &&
    typeof e.code === 'string' &&
    e.code in SPS_ERROR_CATALOG &&
    typeof e.retriable === 'boolean'
  );
}

/** True when `error` is an SpsError with the given code. */
export function hasSpsCode(error: unknown, code: SpsErrorCode): error is SpsError {
  return isSpsError(error) && error.code === code;
}

/**
 * Whether an operation that failed with `error` may succeed when retried: the error's own
 * `retriable` flag (SpsError, kafkajs errors and any error that carries one), or `undefined`
 * when the error does not say, so the caller's policy decides.
 */
export function isRetriable(error: unknown): boolean | undefined {
  if (isSpsError(error)) return error.retriable;
  if (typeof error === 'object' && error !== null && 'retriable' in error) {
    const flag = error.retriable;
    if (typeof flag === 'boolean') return flag;
  }
  return undefined;
}
