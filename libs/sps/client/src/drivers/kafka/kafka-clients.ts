/**
 * The kafkajs `Kafka` instances of one driver — one per client id, since kafkajs names a
 * consumer by its `Kafka` instance's client id and SPS consumers each bring their own — and
 * the driver's view of kafkajs' log.
 *
 * kafkajs reports one event the SPS runtime needs only in its log: a fetch answered
 * OFFSET_OUT_OF_RANGE, after which kafkajs moves the consumer to its default offset by itself
 * (`ConsumerGroup.recoverFromOffsetOutOfRange` logs "Offset out of range, resetting to default
 * offset" with the group, member, topic and partition, then commits the earliest offset). No
 * instrumentation event carries it, so the log function taps that line and tells the consumer
 * or reader it belongs to, which reports `onIndexReset` (kafka.conformance's TTL scenario
 * fails if a kafkajs upgrade changes the line). Therefore kafkajs always logs at least ERROR
 * internally; what reaches stderr is filtered to the configured `logLevel`.
 */
import { Kafka, type LogEntry, logLevel as KafkaLogLevels, type SASLOptions } from 'kafkajs';
import { type KafkaLogLevel, type ResolvedKafkaOptions } from './kafka-options';

/** An offset reset kafkajs performed for a consumer (see the file comment). */
export interface OffsetResetNotice {
  groupId: string;
  memberId: string;
  topic: string;
  partition: number;
}

const LEVELS: Record<KafkaLogLevel, KafkaLogLevels> = {
  nothing: KafkaLogLevels.NOTHING,
  error: KafkaLogLevels.ERROR,
  warn: KafkaLogLevels.WARN,
  info: KafkaLogLevels.INFO,
  debug: KafkaLogLevels.DEBUG,
};
const LEVEL_NAMES: Record<number, string> = { 1: 'ERROR', 2: 'WARN', 4: 'INFO', 5: 'DEBUG' };
const OFFSET_RESET_LINE = 'Offset out of range, resetting to default offset';

export class KafkaClients {
  private readonly clients = new Map<string, Kafka>();
  private readonly resetListeners = new Set<(notice: OffsetResetNotice) => void>();
  private readonly printLevel: KafkaLogLevels;

  constructor(private readonly o: ResolvedKafkaOptions) {
    this.printLevel = LEVELS[o.logLevel];
  }

  /** The kafkajs client for `clientId` (created on first use; it opens no connection itself). */
  get(clientId: string = this.o.clientId): Kafka {
    let kafka = this.clients.get(clientId);
    if (!kafka) {
      kafka = new Kafka({
        clientId,
        brokers: [...this.o.brokers],
        ssl: this.o.ssl,
        ...(this.o.sasl ? { sasl: this.o.sasl as SASLOptions } : {}),
        connectionTimeout: this.o.connectionTimeoutMs,
        requestTimeout: this.o.requestTimeoutMs,
        ...(this.o.retry ? { retry: this.o.retry } : {}),
        logLevel: Math.max(this.printLevel, KafkaLogLevels.ERROR),
        logCreator: () => (entry) => this.log(entry),
      });
      this.clients.set(clientId, kafka);
    }
    return kafka;
  }

  /** Calls `listener` for every offset reset kafkajs performs; returns the unsubscribe function. */
  onOffsetReset(listener: (notice: OffsetResetNotice) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  private log(entry: LogEntry): void {
    const { message, timestamp: _timestamp, logger: _logger, ...extra } = entry.log;
    if (message === OFFSET_RESET_LINE) {
      const notice = extra as Partial<OffsetResetNotice>;
      if (
        typeof notice.groupId === 'string' &&
        typeof notice.memberId === 'string' &&
        typeof notice.topic === 'string' &&
        typeof notice.partition === 'number'
      ) {
        for (const listener of this.resetListeners) listener(notice as OffsetResetNotice);
      }
    }
    if (entry.level > this.printLevel || this.printLevel === KafkaLogLevels.NOTHING) return;
    process.stderr.write(
      `${JSON.stringify({
        time: new Date().toISOString(),
        level: LEVEL_NAMES[entry.level] ?? String(entry.level),
        logger: 'kafkajs',
        namespace: entry.namespace,
        message,
        ...extra,
      })}\n`,
    );
  }
}
