/**
 * The dead-letter record format. A dead letter is the original record — key, value and every
 * original header, in order — followed by these headers, all UTF-8 strings:
 *
 * | header                     | value                                                  |
 * | -------------------------- | ------------------------------------------------------ |
 * | `sps-dlq-error-message`    | the handler's error message                            |
 * | `sps-dlq-error-code`       | its `code` (e.g. `SPS_ERR_…`), else its name           |
 * | `sps-dlq-attempts`         | deliveries made, e.g. `5`                              |
 * | `sps-dlq-source-stream`    | the stream it came from                                |
 * | `sps-dlq-source-partition` | its partition there                                    |
 * | `sps-dlq-source-index`     | its index there (opaque, written as text)              |
 * | `sps-dlq-group`            | the consumer group that gave up ('' for a reader)      |
 * | `sps-dlq-time`             | when, ISO 8601                                         |
 *
 * Re-driving strips every `sps-dlq-*` header and nothing else, so the record goes back as its
 * producer wrote it (traceparent and event id included).
 */
import { type PartitionId, type RecordHeader, type StreamName } from '@shopstream/sps-core';
import { type SpsMessage } from '../runtime/sps-message';

export const DLQ_HEADER_PREFIX = 'sps-dlq-';

export const DLQ_HEADERS = {
  errorMessage: 'sps-dlq-error-message',
  errorCode: 'sps-dlq-error-code',
  attempts: 'sps-dlq-attempts',
  sourceStream: 'sps-dlq-source-stream',
  sourcePartition: 'sps-dlq-source-partition',
  sourceIndex: 'sps-dlq-source-index',
  group: 'sps-dlq-group',
  time: 'sps-dlq-time',
} as const;

/** The dead-letter stream of `stream`. */
export function deadLetterStreamOf(stream: StreamName): StreamName {
  return `${stream}.dlq`;
}

/** The facts a dead letter records about why it was given up. */
export interface DeadLetterFacts {
  error: unknown;
  attempts: number;
  group: string | null;
  time: Date;
}

/** The headers of the dead letter for `message`: its own, then the `sps-dlq-*` ones. */
export function deadLetterHeaders(message: SpsMessage, facts: DeadLetterFacts): RecordHeader[] {
  const text = (key: string, value: string): RecordHeader => ({
    key,
    value: Buffer.from(value, 'utf8'),
  });
  const originals = message.headers.filter((h) => !h.key.startsWith(DLQ_HEADER_PREFIX));
  return [
    ...originals,
    text(DLQ_HEADERS.errorMessage, errorMessage(facts.error)),
    text(DLQ_HEADERS.errorCode, errorCode(facts.error)),
    text(DLQ_HEADERS.attempts, String(facts.attempts)),
    text(DLQ_HEADERS.sourceStream, message.stream),
    text(DLQ_HEADERS.sourcePartition, String(message.partition)),
    text(DLQ_HEADERS.sourceIndex, String(message.index)),
    text(DLQ_HEADERS.group, facts.group ?? ''),
    text(DLQ_HEADERS.time, facts.time.toISOString()),
  ];
}

/** The original headers of a dead letter (every `sps-dlq-*` header removed). */
export function stripDeadLetterHeaders(headers: readonly RecordHeader[]): RecordHeader[] {
  return headers.filter((h) => !h.key.startsWith(DLQ_HEADER_PREFIX));
}

/** Where a dead letter came from, read from its headers; `null` if it is not a dead letter. */
export function deadLetterSource(
  headers: readonly RecordHeader[],
): { stream: StreamName; partition: PartitionId } | null {
  const get = (key: string) => headers.findLast((h) => h.key === key)?.value?.toString('utf8');
  const stream = get(DLQ_HEADERS.sourceStream);
  const partition = Number(get(DLQ_HEADERS.sourcePartition));
  if (!stream || !Number.isInteger(partition)) return null;
  return { stream, partition };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string' || typeof code === 'number') return String(code);
    if (typeof name === 'string') return name;
  }
  return 'Error';
}
