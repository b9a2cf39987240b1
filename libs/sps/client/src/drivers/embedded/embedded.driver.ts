/**
 * The `embedded` driver: the SPS engine (`@shopstream/sps-log`) in this process, no network.
 * Group membership is spoken to `engine.coordinator` directly with Kafka's classic protocol,
 * so embedded consumers and Kafka-protocol clients of the broker can share one group.
 */
import {
  type DriverGroupConsumer,
  type DriverGroupConsumerOptions,
  type DriverPartitionReader,
  type DriverProducer,
  type DriverProducerOptions,
  type DriverReaderOptions,
  type SpsDriver,
} from '@shopstream/sps-core';
import { Engine } from '@shopstream/sps-log';
import { EmbeddedAdmin } from './embedded-admin';
import { EmbeddedGroupConsumer } from './embedded-group-consumer';
import { type EmbeddedDriverOptions } from './embedded-options';
import { EmbeddedProducer } from './embedded-producer';
import { EmbeddedReader } from './embedded-reader';

export class EmbeddedDriver implements SpsDriver {
  readonly kind = 'embedded';
  readonly admin: EmbeddedAdmin;

  /** @param ownsEngine close the engine with the driver (it was opened for this client) */
  constructor(
    readonly engine: Engine,
    private readonly ownsEngine: boolean,
  ) {
    this.admin = new EmbeddedAdmin(engine);
  }

  createProducer(options: DriverProducerOptions): DriverProducer {
    return new EmbeddedProducer(this.engine, options);
  }

  createGroupConsumer(options: DriverGroupConsumerOptions): DriverGroupConsumer {
    return new EmbeddedGroupConsumer(this.engine, options);
  }

  createPartitionReader(options: DriverReaderOptions): DriverPartitionReader {
    return new EmbeddedReader(this.engine, options);
  }

  async close(): Promise<void> {
    if (this.ownsEngine) await this.engine.close();
  }
}

/** Opens the engine on `dataDir`, or uses the one given (see EmbeddedDriverOptions). */
export async function createEmbeddedDriver(
  options: EmbeddedDriverOptions,
): Promise<EmbeddedDriver> {
  if ('engine' in options) return new EmbeddedDriver(options.engine, false);
  const engine = await Engine.open({ ...options.engineOptions, dataDir: options.dataDir });
  return new EmbeddedDriver(engine, true);
}
