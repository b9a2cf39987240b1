/**
 * The producer of the embedded driver: builds Kafka record batches itself and appends them with
 * `engine.append`, as a Kafka client does over the wire.
 *
 * - Placement as `engine.produce` (and Kafka): an explicit partition wins; keyed records go to
 *   `murmur2(key) % partitions` (sps-core `partitionForKey`); keyless records of one `send`
 *   stay together on one partition, which moves on with the next `send` (sticky).
 * - Idempotent (default): one producer id per producer (`engine.initProducerId()`), and per
 *   partition a sequence number counted in the batches. A batch is retried with the very same
 *   bytes after a retriable error, so if the first attempt was stored after all, the engine
 *   recognises the sequence and answers with the original indexes instead of storing it twice.
 * - Batches to one partition are appended in call order (sequences are taken and `append` is
 *   called in the same synchronous step), so pipelined sends keep their sequence order.
 */
import {
  Compression,
  type DriverOutgoingRecord,
  type DriverProduceResult,
  type DriverProducer,
  type DriverProducerOptions,
  encodeRecordBatch,
  isRetriable,
  partitionForKey,
  type PartitionId,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { sleep } from '../../support/async';

/** Attempts of one batch append (the first included) when the error is retriable. */
const APPEND_ATTEMPTS = 5;
/** Kafka's sequence numbers are int32 and wrap to 0 (DefaultRecordBatch.incrementSequence). */
const INT32_MAX = 2 ** 31 - 1;

export class EmbeddedProducer implements DriverProducer {
  private producerId: Promise<{ producerId: number; producerEpoch: number }> | undefined;
  private readonly sequences = new Map<string, number>();
  private readonly sticky = new Map<StreamName, number>();
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly o: DriverProducerOptions,
  ) {}

  async send(stream: StreamName, records: DriverOutgoingRecord[]): Promise<DriverProduceResult[]> {
    if (this.closed) throw new SpsError('SPS_ERR_ENGINE_CLOSED', 'the producer is closed');
    const { partitions } = await this.engine.ensureStream(stream);
    const identity = this.o.idempotent
      ? await (this.producerId ??= this.engine.initProducerId())
      : undefined;
    const byPartition = this.place(stream, partitions, records);
    const results = new Array<DriverProduceResult>(records.length);
    const now = Date.now();
    // Sequences are taken and appends started without an await in between (see header).
    const appends = [...byPartition].map(([partition, positions]) => {
      const batch = encodeRecordBatch(
        positions.map((i) => records[i]!),
        {
          compression: this.o.compression === 'gzip' ? Compression.Gzip : Compression.None,
          now,
          ...(identity
            ? { ...identity, baseSequence: this.nextSequence(stream, partition, positions.length) }
            : {}),
        },
      );
      return this.append(stream, partition, batch).then((baseIndex) => {
        positions.forEach((recordPosition, k) => {
          results[recordPosition] = { stream, partition, index: baseIndex + k };
        });
      });
    });
    await Promise.all(appends);
    return results;
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Record positions per partition, in the order given. */
  private place(
    stream: StreamName,
    partitions: number,
    records: DriverOutgoingRecord[],
  ): Map<PartitionId, number[]> {
    const keyless = this.nextKeyless(stream, partitions);
    const byPartition = new Map<PartitionId, number[]>();
    records.forEach((record, i) => {
      const partition =
        record.partition ?? (record.key ? partitionForKey(record.key, partitions) : keyless);
      if (!Number.isInteger(partition) || partition < 0 || partition >= partitions) {
        throw new SpsError(
          'SPS_ERR_UNKNOWN_PARTITION',
          `stream "${stream}" has no partition ${partition}`,
          {
            context: { stream, partition, partitions },
          },
        );
      }
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), i]);
    });
    return byPartition;
  }

  private nextKeyless(stream: StreamName, partitions: number): PartitionId {
    const n = this.sticky.get(stream) ?? Math.floor(Math.random() * partitions);
    this.sticky.set(stream, n + 1);
    return n % partitions;
  }

  private nextSequence(stream: StreamName, partition: PartitionId, count: number): number {
    const key = `${partition}:${stream}`;
    const first = this.sequences.get(key) ?? 0;
    const next = first + count;
    this.sequences.set(key, next > INT32_MAX ? next - INT32_MAX - 1 : next);
    return first;
  }

  /** Appends one batch, retrying the same bytes after retriable errors; returns its base index. */
  private async append(stream: StreamName, partition: PartitionId, batch: Buffer): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.engine.append(stream, partition, batch)).baseIndex;
      } catch (error) {
        if (attempt >= APPEND_ATTEMPTS || isRetriable(error) !== true) throw error;
        await sleep(50 * 2 ** attempt);
      }
    }
  }
}
