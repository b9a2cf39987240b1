/**
 * `SpsClientProxy`: Nest's `ClientProxy` for SPS, for `emit` (events). An event pattern is an
 * event type; a route table says which stream it goes to and which payload field is the key.
 * Request/response (`send`) is not what a stream is for and is refused.
 *
 * @example
 * ```ts
 * const proxy = new SpsClientProxy(client, { 'stock.low': { stream: 'stock', key: (e) => e.sku } });
 * await lastValueFrom(proxy.emit('stock.low', { sku: 'SKU-TEE-BLK-M', onHand: 2 }));
 * ```
 */
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { SpsError, type StreamName } from '@shopstream/sps-core';
import { type ProducedRecord, type SpsClient, type SpsProducer } from '@shopstream/sps-client';
import { EVENT_TYPE_HEADER } from './sps.server';

export interface SpsEventRoute<T = never> {
  stream: StreamName;
  /** The record key (records with one key keep their order). @default no key */
  key?: (payload: T) => string;
  /** `event-version` header. @default '1' */
  version?: string;
}

export type SpsEventRoutes = Record<string, SpsEventRoute<never>>;

export class SpsClientProxy extends ClientProxy {
  private producer: SpsProducer | undefined;

  constructor(
    private readonly client: SpsClient,
    private readonly routes: SpsEventRoutes,
  ) {
    super();
  }

  connect(): Promise<SpsProducer> {
    this.producer ??= this.client.producer();
    return Promise.resolve(this.producer);
  }

  async close(): Promise<void> {
    await this.producer?.close();
    this.producer = undefined;
  }

  unwrap<T>(): T {
    return this.client as T;
  }

  protected async dispatchEvent<T = ProducedRecord[]>(packet: ReadPacket): Promise<T> {
    const type =
      typeof packet.pattern === 'string' ? packet.pattern : JSON.stringify(packet.pattern);
    const route = this.routes[type] as SpsEventRoute<unknown> | undefined;
    if (!route) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `no stream route for event type "${type}"`, {
        context: { eventType: type, known: Object.keys(this.routes) },
      });
    }
    const producer = await this.connect();
    const produced = await producer.send(route.stream, {
      key: route.key ? route.key(packet.data) : null,
      value: Buffer.from(JSON.stringify(packet.data)),
      headers: {
        [EVENT_TYPE_HEADER]: type,
        'event-version': route.version ?? '1',
        'event-id': randomUUID(),
      },
    });
    return produced as T;
  }

  protected publish(_packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({
      err: new SpsError(
        'SPS_ERR_INVALID_ARGUMENT',
        'SPS streams carry events: use emit(), not send()',
      ),
      isDisposed: true,
    });
    return () => undefined;
  }
}
