/**
 * kafkajs errors in SPS terms — the one place that knows kafkajs' error shapes.
 *
 * kafkajs throws `KafkaJSProtocolError`s carrying the broker's error `type`
 * (`UNKNOWN_TOPIC_OR_PARTITION`, …) and a `retriable` flag, often wrapped: its retrier wraps
 * what it gave up on in `KafkaJSNumberOfRetriesExceeded` / `KafkaJSNonRetriableError` (`cause`),
 * CreateTopics failures come as a `KafkaJSAggregateError` (`errors`), DeleteGroups failures as
 * a `KafkaJSDeleteGroupsError` (`groups[].error`). `toSpsError` looks through all of them:
 *
 * - an `SpsError` inside (thrown by our own code called from kafkajs, e.g. the partitioner) is
 *   returned as it is;
 * - a broker error type in {@link BY_KAFKA_TYPE} becomes that SpsError code, keeping kafkajs'
 *   `retriable` flag of the innermost error (what actually failed) and the original as `cause`;
 * - connection failures and timeouts become `SPS_ERR_TIMEOUT` (retriable as kafkajs says);
 *   rejected SASL credentials `SPS_ERR_INVALID_ARGUMENT`;
 * - anything else is returned unchanged: it still carries kafkajs' `retriable`, which is what
 *   the delivery runtime reads (`isRetriable`), and a made-up SPS code would mislead.
 */
import { isSpsError, SpsError, type SpsErrorCode } from '@shopstream/sps-core';

/** Broker error types (kafkajs `type`) with an SPS meaning. */
export const BY_KAFKA_TYPE: Readonly<Record<string, SpsErrorCode>> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'SPS_ERR_UNKNOWN_STREAM',
  TOPIC_ALREADY_EXISTS: 'SPS_ERR_STREAM_EXISTS',
  INVALID_TOPIC_EXCEPTION: 'SPS_ERR_INVALID_STREAM_NAME',
  INVALID_PARTITIONS: 'SPS_ERR_INVALID_PARTITIONS',
  INVALID_REPLICATION_FACTOR: 'SPS_ERR_INVALID_ARGUMENT',
  INVALID_CONFIG: 'SPS_ERR_INVALID_ARGUMENT',
  INVALID_REQUEST: 'SPS_ERR_INVALID_ARGUMENT',
  POLICY_VIOLATION: 'SPS_ERR_INVALID_ARGUMENT',
  OFFSET_OUT_OF_RANGE: 'SPS_ERR_INDEX_OUT_OF_RANGE',
  CORRUPT_MESSAGE: 'SPS_ERR_CORRUPT_BATCH',
  INVALID_RECORD: 'SPS_ERR_CORRUPT_BATCH',
  MESSAGE_TOO_LARGE: 'SPS_ERR_BATCH_TOO_LARGE',
  RECORD_LIST_TOO_LARGE: 'SPS_ERR_BATCH_TOO_LARGE',
  UNSUPPORTED_COMPRESSION_TYPE: 'SPS_ERR_UNSUPPORTED_COMPRESSION',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'SPS_ERR_OUT_OF_ORDER_SEQUENCE',
  INVALID_PRODUCER_EPOCH: 'SPS_ERR_INVALID_PRODUCER_EPOCH',
  KAFKA_STORAGE_ERROR: 'SPS_ERR_STORAGE',
  REQUEST_TIMED_OUT: 'SPS_ERR_TIMEOUT',
  GROUP_ID_NOT_FOUND: 'SPS_ERR_UNKNOWN_GROUP',
  NON_EMPTY_GROUP: 'SPS_ERR_GROUP_NOT_EMPTY',
  UNKNOWN_MEMBER_ID: 'SPS_ERR_UNKNOWN_MEMBER',
  MEMBER_ID_REQUIRED: 'SPS_ERR_MEMBER_ID_REQUIRED',
  ILLEGAL_GENERATION: 'SPS_ERR_ILLEGAL_GENERATION',
  REBALANCE_IN_PROGRESS: 'SPS_ERR_REBALANCE_IN_PROGRESS',
  INVALID_SESSION_TIMEOUT: 'SPS_ERR_INVALID_SESSION_TIMEOUT',
  INCONSISTENT_GROUP_PROTOCOL: 'SPS_ERR_INCONSISTENT_GROUP_PROTOCOL',
};

/** kafkajs error names meaning "could not reach the cluster in time". */
const CONNECTIVITY = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
]);

interface KafkaJsErrorShape {
  name?: unknown;
  message?: unknown;
  type?: unknown;
  retriable?: unknown;
  cause?: unknown;
  errors?: unknown;
  groups?: unknown;
}

/** The error and every error it wraps, outermost first. */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || chain.includes(next)) continue;
    chain.push(next);
    const e = next as KafkaJsErrorShape;
    if (e.cause !== undefined) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
    if (Array.isArray(e.groups)) {
      for (const g of e.groups as Array<{ error?: unknown }>) if (g.error) queue.push(g.error);
    }
  }
  return chain;
}

/** The broker error type (`'REBALANCE_IN_PROGRESS'`, …) somewhere in `error`, if any. */
export function kafkaErrorType(error: unknown): string | undefined {
  for (const e of errorChain(error)) {
    const type = (e as KafkaJsErrorShape).type;
    if (typeof type === 'string') return type;
  }
  return undefined;
}

/** The answers that tell a group member to join again (kafkajs `isRebalancing`, plus unknown member). */
export function isRejoinError(error: unknown): boolean {
  const type = kafkaErrorType(error);
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'UNKNOWN_MEMBER_ID'
  );
}

/** What can be said of `context` for the error's SPS context (stream, partition, group …). */
export type ErrorContext = Record<string, unknown>;

/**
 * `error` as an SpsError where it has an SPS meaning (see the file comment), else unchanged.
 *
 * @example
 * ```ts
 * try { await admin.createTopics(...) } catch (e) { throw toSpsError(e, { stream }) }
 * ```
 */
export function toSpsError(error: unknown, context: ErrorContext = {}): unknown {
  const chain = errorChain(error);
  const sps = chain.find(isSpsError);
  if (sps) return sps;
  const typed = chain.find((e) => typeof (e as KafkaJsErrorShape).type === 'string') as
    KafkaJsErrorShape | undefined;
  const code = typed ? BY_KAFKA_TYPE[typed.type as string] : undefined;
  if (typed && code) return wrap(code, typed, error, { ...context, kafkaError: typed.type });
  const connectivity = chain.find((e) => CONNECTIVITY.has(String((e as KafkaJsErrorShape).name)));
  if (connectivity) return wrap('SPS_ERR_TIMEOUT', connectivity, error, context);
  const sasl = chain.find(
    (e) => (e as KafkaJsErrorShape).name === 'KafkaJSSASLAuthenticationError',
  ) as KafkaJsErrorShape | undefined;
  if (sasl) return wrap('SPS_ERR_INVALID_ARGUMENT', { ...sasl, retriable: false }, error, context);
  return error;
}

function wrap(
  code: SpsErrorCode,
  inner: KafkaJsErrorShape,
  original: unknown,
  context: ErrorContext,
): SpsError {
  const message = typeof inner.message === 'string' ? inner.message : String(original);
  return new SpsError(code, message, {
    cause: original,
    context,
    ...(typeof inner.retriable === 'boolean' ? { retriable: inner.retriable } : {}),
  });
}

/** Runs `fn`, rethrowing its failure through {@link toSpsError}. */
export async function mapErrors<T>(fn: () => Promise<T>, context: ErrorContext = {}): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toSpsError(error, context);
  }
}
