import { BaseRpcContext } from '@nestjs/microservices';
import {
  type PartitionId,
  type RecordHeader,
  type StreamIndex,
  type StreamName,
} from '@shopstream/sps-core';
import { type SpsContext as ClientContext, type SpsMessage } from '@shopstream/sps-client';

/**
 * The context of an SPS event handler: `@Ctx() ctx: SpsContext` (like Nest's KafkaContext).
 * Where the record comes from (stream, partition, index, key, headers), which delivery attempt
 * this is, its trace context, and the signal that says the partition is being taken away.
 *
 * @example
 * ```ts
 * @EventPattern('order.placed')
 * async onOrderPlaced(@Payload() order: OrderPlacedV1, @Ctx() ctx: SpsContext) {
 *   this.logger.log(`order ${order.orderId} from ${ctx.stream}/${ctx.partition}@${ctx.index}, attempt ${ctx.attempt}`);
 * }
 * ```
 */
export class SpsContext extends BaseRpcContext<[SpsMessage, ClientContext]> {
  constructor(message: SpsMessage, context: ClientContext) {
    super([message, context]);
  }

  get message(): SpsMessage {
    return this.args[0];
  }
  get stream(): StreamName {
    return this.args[0].stream;
  }
  get partition(): PartitionId {
    return this.args[0].partition;
  }
  get index(): StreamIndex {
    return this.args[0].index;
  }
  /** The record key as UTF-8 (order ids are strings), `null` when the record has none. */
  get key(): string | null {
    return this.args[0].key?.toString('utf8') ?? null;
  }
  get headers(): RecordHeader[] {
    return this.args[0].headers;
  }
  /** 1 on the first delivery in this consumer, 2 on the first retry, … */
  get attempt(): number {
    return this.args[1].attempt;
  }
  get group(): string | null {
    return this.args[1].group;
  }
  get traceparent(): string | null {
    return this.args[1].traceparent;
  }
  /** Aborted when the partition is taken away (rebalance) or the consumer stops. */
  get signal(): AbortSignal {
    return this.args[1].signal;
  }
  /** The last header named `name`, as UTF-8. */
  header(name: string): string | undefined {
    return this.args[1].header(name);
  }
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void> {
    return this.args[1].heartbeat();
  }

  // Nest-style getters, for code written against KafkaContext.
  getMessage(): SpsMessage {
    return this.message;
  }
  getStream(): StreamName {
    return this.stream;
  }
  getPartition(): PartitionId {
    return this.partition;
  }
}
