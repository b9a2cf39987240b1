/**
 * The server's logger. Connection-level events (a malformed frame, an idle close, a failed
 * SASL login) are one line each; nothing is logged per request.
 */
export interface WireLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * The default logger: one JSON object per line on stderr
 * (`{"time":…,"level":"warn","msg":…,"component":"kafka-wire",…}`), dropping lines below
 * `options.level`.
 */
export function jsonLinesLogger(
  write: (line: string) => void = (l) => process.stderr.write(l),
  options: {
    /** Least severe level written. @default 'info' */
    level?: LogLevel;
  } = {},
): WireLogger {
  const min = SEVERITY[options.level ?? 'info'];
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (SEVERITY[level] < min) return;
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level, msg, component: 'kafka-wire', ...fields })}\n`,
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything. */
export const silentLogger: WireLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Error fields for a log line (never throws on odd values). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      error: error.message,
      errorName: error.name,
      ...(code === undefined ? {} : { errorCode: code }),
      stack: error.stack,
    };
  }
  return { error: String(error) };
}
