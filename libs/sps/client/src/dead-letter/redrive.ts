/**
 * Re-drive: moves dead letters back to the stream they came from, as their producer wrote them
 * (the `sps-dlq-*` headers stripped, key, value and original headers kept; keyed records are
 * placed by key, keyless ones go back to their source partition).
 *
 * Progress is a consumer group of its own on the dead-letter stream, so a re-drive that is run
 * again — or was interrupted — does not move what it already moved and committed. Between
 * a move and its commit a crash can move a record twice: at-least-once, like every delivery;
 * consumers' inboxes make that harmless. It runs until the group has caught up with the
 * dead-letter stream (lag 0 on every partition), then stops.
 */
import { SpsError, type StreamName } from '@shopstream/sps-core';
import { type SpsAdmin } from '../admin/sps-admin';
import { type ConsumerOptions } from '../consumer/consumer-options';
import { type SpsConsumer } from '../consumer/sps-consumer';
import { type ProducerOptions, type SpsProducer } from '../producer/sps-producer';
import { sleep } from '../support/async';
import { deadLetterSource, stripDeadLetterHeaders } from './dead-letter-headers';

/** How a re-drive runs. */
export interface RedriveOptions {
  /** The group that remembers what was moved. @default `${deadLetterStream}.redrive` */
  group?: string;
  /** Give up after this long (what was moved stays moved and committed). @default 60000 */
  timeoutMs?: number;
  /** Options for the re-drive's consumer (session timeouts, client id). */
  consumer?: Partial<Omit<ConsumerOptions, 'group' | 'streams' | 'from' | 'deadLetter'>>;
}

export interface RedriveResult {
  /** Dead letters appended to their source stream. */
  moved: number;
  /** Records without `sps-dlq-source-*` headers: not dead letters, left where they are. */
  skipped: number;
}

export interface RedriveDeps {
  admin: SpsAdmin;
  producer(options?: ProducerOptions): SpsProducer;
  consumer(options: ConsumerOptions): SpsConsumer;
}

export async function redrive(
  deps: RedriveDeps,
  deadLetterStream: StreamName,
  options: RedriveOptions = {},
): Promise<RedriveResult> {
  const group = options.group ?? `${deadLetterStream}.redrive`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const producer = deps.producer();
  const consumer = deps.consumer({
    commit: { intervalMs: 50 },
    ...options.consumer,
    group,
    streams: [deadLetterStream],
    from: 'earliest',
    deadLetter: false, // a dead letter that cannot be moved back waits; it is never dropped
  });
  const result: RedriveResult = { moved: 0, skipped: 0 };
  try {
    await consumer.start(async (message) => {
      const source = deadLetterSource(message.headers);
      if (!source) {
        result.skipped++;
        return;
      }
      await producer.send(source.stream, {
        key: message.key,
        value: message.value,
        headers: stripDeadLetterHeaders(message.headers),
        ...(message.key === null ? { partition: source.partition } : {}),
      });
      result.moved++;
    });
    await waitUntilCaughtUp(deps.admin, group, deadLetterStream, timeoutMs);
  } finally {
    await consumer.stop();
    await producer.close();
  }
  return result;
}

/** Every partition of `stream` has lag 0 for `group`, or is empty and was never committed. */
async function waitUntilCaughtUp(
  admin: SpsAdmin,
  group: string,
  stream: StreamName,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [described, progress] = await Promise.all([
      admin.describeStream(stream),
      admin.describeGroup(group),
    ]);
    const done = described.partitions.every((p) => {
      const g = progress.partitions.find((x) => x.stream === stream && x.partition === p.partition);
      if (g?.lag === 0) return true;
      return (g?.committedIndex ?? null) === null && p.logStartIndex === p.highWatermark;
    });
    if (done) return;
    if (Date.now() >= deadline) {
      throw new SpsError(
        'SPS_ERR_TIMEOUT',
        `re-drive of "${stream}" did not catch up in ${timeoutMs} ms`,
        {
          context: { stream, group, timeoutMs },
        },
      );
    }
    await sleep(50);
  }
}
