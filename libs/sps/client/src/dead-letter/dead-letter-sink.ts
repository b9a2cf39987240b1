/**
 * Writes dead letters. The dead-letter stream is created on first use with as many partitions
 * as its source stream (so keyed dead letters keep their per-key order when re-driven), instead
 * of relying on a backend's auto-creation, which Kafka clusters often turn off.
 */
import {
  type DriverProducer,
  hasSpsCode,
  type SpsDriver,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type DeadLetterWriter } from '../runtime/delivery-runtime';
import { type SpsMessage } from '../runtime/sps-message';
import { type DeadLetterFacts, deadLetterHeaders } from './dead-letter-headers';

export class DeadLetterSink implements DeadLetterWriter {
  private producer: DriverProducer | undefined;
  private readonly ensured = new Map<StreamName, Promise<void>>();

  constructor(
    private readonly driver: SpsDriver,
    private readonly streamOf: (source: StreamName) => StreamName,
  ) {}

  /** Appends the dead letter of `message`; resolves once it is durable. */
  async send(
    message: SpsMessage,
    facts: DeadLetterFacts,
  ): Promise<{ stream: StreamName; index: StreamIndex }> {
    const stream = this.streamOf(message.stream);
    await this.ensureStream(stream, message.stream);
    this.producer ??= this.driver.createProducer({ idempotent: true, compression: 'none' });
    const [result] = await this.producer.send(stream, [
      { key: message.key, value: message.value, headers: deadLetterHeaders(message, facts) },
    ]);
    return { stream, index: result!.index };
  }

  async close(): Promise<void> {
    await this.producer?.close();
  }

  private ensureStream(stream: StreamName, source: StreamName): Promise<void> {
    let ensured = this.ensured.get(stream);
    if (!ensured) {
      ensured = this.create(stream, source);
      // A failure is not remembered: the next dead letter tries again.
      ensured.catch(() => this.ensured.delete(stream));
      this.ensured.set(stream, ensured);
    }
    return ensured;
  }

  private async create(stream: StreamName, source: StreamName): Promise<void> {
    const { admin } = this.driver;
    if ((await admin.listStreams()).includes(stream)) return;
    const { partitions } = await admin.describeStream(source);
    try {
      await admin.createStream(stream, { partitions: partitions.length });
    } catch (error) {
      if (!hasSpsCode(error, 'SPS_ERR_STREAM_EXISTS')) throw error; // another consumer won
    }
  }
}
