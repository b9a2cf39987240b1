/**
 * The `kafka` driver: the SPS client on a Kafka-protocol cluster through kafkajs 2.2.4 —
 * Apache Kafka, Redpanda, Amazon MSK, the Azure Event Hubs Kafka endpoint, or the SPS broker
 * (`apps/broker`). One adapter per role: kafka-producer.ts, kafka-group-consumer.ts,
 * kafka-reader.ts, kafka-admin.ts; kafka-consumer-session.ts runs a kafkajs consumer for the
 * two consumer roles. kafkajs is imported only in this folder (an ESLint rule keeps it so), and
 * this file is loaded only when `connect({ driver: 'kafka' })` asks for it.
 */
import {
  type DriverGroupConsumer,
  type DriverGroupConsumerOptions,
  type DriverPartitionReader,
  type DriverProducer,
  type DriverProducerOptions,
  type DriverReaderOptions,
  SpsError,
  type SpsDriver,
} from '@shopstream/sps-core';
import { KafkaAdmin } from './kafka-admin';
import { KafkaClients } from './kafka-clients';
import { KafkaGroupConsumer } from './kafka-group-consumer';
import {
  type KafkaDriverOptions,
  resolveKafkaOptions,
  type ResolvedKafkaOptions,
} from './kafka-options';
import { KafkaProducer } from './kafka-producer';
import { KafkaReader } from './kafka-reader';

export class KafkaDriver implements SpsDriver {
  readonly kind = 'kafka';
  readonly admin: KafkaAdmin;
  private readonly clients: KafkaClients;
  private readonly producers = new Set<KafkaProducer>();

  constructor(private readonly settings: ResolvedKafkaOptions) {
    this.clients = new KafkaClients(settings);
    this.admin = new KafkaAdmin(this.clients, settings);
  }

  createProducer(options: DriverProducerOptions): DriverProducer {
    const producer: KafkaProducer = new KafkaProducer(
      this.clients.get(),
      options,
      this.settings,
      () => this.producers.delete(producer),
    );
    this.producers.add(producer);
    return producer;
  }

  createGroupConsumer(options: DriverGroupConsumerOptions): DriverGroupConsumer {
    return new KafkaGroupConsumer(this.clients, this.admin, options, this.settings);
  }

  createPartitionReader(options: DriverReaderOptions): DriverPartitionReader {
    return new KafkaReader(this.clients, this.admin, options, this.settings);
  }

  /** Closes what the driver owns: its producers (the client stopped consumers before) and admin. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.producers].map((p) => p.close()));
    await this.admin.close();
  }
}

/** Checks the options and connects the admin, so a wrong address or credentials fail here. */
export async function createKafkaDriver(options: KafkaDriverOptions): Promise<KafkaDriver> {
  if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'the kafka driver needs at least one broker', {
      context: { brokers: options.brokers },
    });
  }
  const driver = new KafkaDriver(resolveKafkaOptions(options));
  await driver.admin.connect();
  return driver;
}
