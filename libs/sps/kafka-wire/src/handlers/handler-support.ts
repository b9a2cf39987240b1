/**
 * Small pieces every engine-backed handler shares: running a per-partition operation over a
 * request's topics, and turning engine errors into the Kafka code (and message) a response
 * carries. Protocol errors are data (STYLE rule 5): a failing partition gets its code, the
 * other partitions of the same request are served normally.
 */
import { isSpsError } from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { KafkaError } from '../protocol/error-codes';
import { kafkaErrorFor } from '../protocol/kafka-error-for';

/**
 * Runs `serve` for every partition of every topic, concurrently, and returns the results in
 * request order (Kafka answers partitions in the order asked). `serve` must not throw: it
 * returns its partition's error as data.
 */
export async function forEachPartition<P, R>(
  topics: readonly { name: string; partitions: readonly P[] }[],
  serve: (topic: string, partition: P) => Promise<R>,
): Promise<{ name: string; results: R[] }[]> {
  return Promise.all(
    topics.map(async (t) => ({
      name: t.name,
      results: await Promise.all(t.partitions.map((p) => serve(t.name, p))),
    })),
  );
}

/** Groups `items` by their topic, keeping first-seen topic order and item order. */
export function groupByTopic<T>(
  items: readonly T[],
  topicOf: (item: T) => string,
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const topic = topicOf(item);
    const group = groups.get(topic);
    if (group) group.push(item);
    else groups.set(topic, [item]);
  }
  return [...groups];
}

/** The Kafka code and a message for a failed operation (messages: v1+ of the admin APIs). */
export function errorOf(error: unknown): { errorCode: number; errorMessage: string } {
  return {
    errorCode: kafkaErrorFor(error),
    errorMessage: isSpsError(error) ? error.message : 'unexpected broker error (see broker log)',
  };
}

/**
 * The Kafka code for an error of a group API. The coordinator rejects an empty or oversized
 * group id with SPS_ERR_INVALID_ARGUMENT (context `groupId`); Kafka's answer for that is
 * INVALID_GROUP_ID (24), not the generic INVALID_REQUEST.
 */
export function groupErrorCode(error: unknown): number {
  if (isSpsError(error) && error.code === 'SPS_ERR_INVALID_ARGUMENT' && 'groupId' in error.context)
    return KafkaError.INVALID_GROUP_ID;
  return kafkaErrorFor(error);
}

/**
 * Resolves with `work`'s result, or with `onAbort()` as soon as `signal` fires (server
 * closing, connection gone). The work itself goes on; only the answer is given early.
 */
export function unlessAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  onAbort: () => T,
): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve(onAbort());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      work.catch(() => undefined);
      resolve(onAbort());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Whether the topic exists (`describeStream` throws SPS_ERR_UNKNOWN_STREAM otherwise). */
export function exists(engine: Engine, name: string): boolean {
  try {
    engine.describeStream(name);
    return true;
  } catch {
    return false;
  }
}
