/**
 * The producer of the kafka driver: one kafkajs producer per SPS producer, connected on first
 * send.
 *
 * - Idempotent (default): kafkajs' idempotent producer (`idempotent: true`, one request in
 *   flight per broker, acks = all, retries without limit — kafkajs' rules for it). A batch
 *   whose acknowledgement was lost is sent again with the same producer id and sequence, and
 *   the broker answers with the indexes it stored the first time.
 * - Placement ({@link SpsPartitioner}): explicit partition, else Kafka's murmur2 of the key
 *   (kafkajs `Partitioners.DefaultPartitioner`, Java-compatible, equal to sps-core
 *   `partitionForKey`), else sticky: the keyless records of one `send` go to one partition,
 *   the next `send` moves on round-robin. The partition of every record is remembered, so a
 *   kafkajs retry (which runs the partitioner again) places it exactly as the first attempt —
 *   kafkajs' own round-robin would move keyless records to another partition on a retry, and
 *   the broker could then not recognise the retried batch as a duplicate.
 * - Results: kafkajs answers one base offset per partition; a record's index is that base plus
 *   its position among the records sent to that partition (kafkajs keeps their order).
 */
import {
  type DriverOutgoingRecord,
  type DriverProduceResult,
  type DriverProducer,
  type DriverProducerOptions,
  type PartitionId,
  SpsError,
  type StreamName,
} from '@shopstream/sps-core';
import {
  CompressionTypes,
  type Kafka,
  type Message,
  type PartitionerArgs,
  Partitioners,
  type Producer,
} from 'kafkajs';
import { mapErrors } from './kafka-errors';
import { type ResolvedKafkaOptions } from './kafka-options';
import { toKafkaMessage } from './kafka-records';

/** Per-`send` state the partitioner reads from each message. */
const SEND = Symbol('sps.send');
type SpsMessage = Message & { [SEND]: { keylessPartition?: PartitionId } };

/**
 * kafkajs `DefaultPartitioner` for keyed records, our sticky choice for keyless ones, and a
 * memory of every record's partition (see the file comment).
 */
export class SpsPartitioner {
  private readonly murmur2 = Partitioners.DefaultPartitioner();
  private readonly placed = new WeakMap<Message, PartitionId>();
  private readonly nextKeyless = new Map<string, number>();

  /** The function kafkajs calls (`createPartitioner: () => partitioner.partition`). */
  readonly partition = ({ topic, partitionMetadata, message }: PartitionerArgs): number => {
    const known = this.placed.get(message);
    if (known !== undefined) return known;
    const count = partitionMetadata.length;
    let partition: number;
    if (message.partition !== undefined && message.partition !== null) {
      partition = message.partition;
      if (!partitionMetadata.some((p) => p.partitionId === partition)) {
        throw new SpsError(
          'SPS_ERR_UNKNOWN_PARTITION',
          `stream "${topic}" has no partition ${partition}`,
          { context: { stream: topic, partition, partitions: count } },
        );
      }
    } else if (message.key !== undefined && message.key !== null) {
      partition = this.murmur2({ topic, partitionMetadata, message });
    } else {
      const send = (message as Partial<SpsMessage>)[SEND] ?? {};
      partition = send.keylessPartition ??= this.keyless(topic, count);
    }
    this.placed.set(message, partition);
    return partition;
  };

  /** Marks `messages` as one `send`: their keyless records share a partition. */
  oneSend(messages: Message[]): Message[] {
    const send: SpsMessage[typeof SEND] = {};
    for (const m of messages) (m as SpsMessage)[SEND] = send;
    return messages;
  }

  /** Where a record went (after kafkajs placed it). */
  partitionOf(message: Message): PartitionId | undefined {
    return this.placed.get(message);
  }

  private keyless(topic: string, count: number): PartitionId {
    const n = this.nextKeyless.get(topic) ?? Math.floor(Math.random() * count);
    this.nextKeyless.set(topic, n + 1);
    return n % count;
  }
}

export class KafkaProducer implements DriverProducer {
  private readonly producer: Producer;
  private readonly partitioner = new SpsPartitioner();
  private connecting: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly o: DriverProducerOptions,
    settings: ResolvedKafkaOptions,
    private readonly onClose: () => void = () => undefined,
  ) {
    this.producer = kafka.producer({
      createPartitioner: () => this.partitioner.partition,
      metadataMaxAge: settings.metadataMaxAgeMs,
      ...(o.idempotent
        ? {
            idempotent: true,
            maxInFlightRequests: 1,
            retry: { ...settings.retry, retries: Number.MAX_SAFE_INTEGER },
          }
        : {}),
    });
  }

  async send(stream: StreamName, records: DriverOutgoingRecord[]): Promise<DriverProduceResult[]> {
    if (this.closing) throw new SpsError('SPS_ERR_ENGINE_CLOSED', 'the producer is closed');
    const sending = this.sendNow(stream, records);
    this.inFlight.add(sending);
    try {
      return await sending;
    } finally {
      this.inFlight.delete(sending);
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.onClose();
      await Promise.allSettled([...this.inFlight]);
      if (this.connecting) await this.producer.disconnect().catch(() => undefined);
    })();
    return this.closing;
  }

  private async sendNow(
    stream: StreamName,
    records: DriverOutgoingRecord[],
  ): Promise<DriverProduceResult[]> {
    return await mapErrors(
      async () => {
        await this.connect();
        const messages = this.partitioner.oneSend(records.map(toKafkaMessage));
        const answers = await this.producer.send({
          topic: stream,
          messages,
          acks: -1,
          compression:
            this.o.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
        });
        const base = new Map(answers.map((a) => [a.partition, Number(a.baseOffset)]));
        const next = new Map<PartitionId, number>();
        return messages.map((message): DriverProduceResult => {
          const partition = this.partitioner.partitionOf(message)!;
          const position = next.get(partition) ?? 0;
          next.set(partition, position + 1);
          return { stream, partition, index: base.get(partition)! + position };
        });
      },
      { stream },
    );
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined; // the next send tries again
      throw error;
    });
    return this.connecting;
  }
}
