/**
 * `SpsServer`: the NestJS transport strategy for SPS (like Nest's ServerKafka). It runs one
 * consumer — one member of one consumer group — and routes each record by its `event-type`
 * header to the `@EventPattern('<event-type>')` handler, with the JSON value as `@Payload()`
 * and an {@link SpsContext} as `@Ctx()`. A handler that throws fails the record: the SPS
 * delivery runtime retries it (retriable errors) and then dead-letters it; a handler that
 * returns commits it. `close()` is the graceful shutdown: stop fetching, finish, commit, leave.
 *
 * Records this service has no handler for are skipped on purpose (another service's event
 * type on a shared stream) and logged at debug level; a record without an `event-type`
 * header, or whose value is not JSON, is dead-lettered with the reason.
 */
import { Logger } from '@nestjs/common';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom, isObservable } from 'rxjs';
import { SpsError } from '@shopstream/sps-core';
import {
  type ConsumerOptions,
  type SpsClient,
  type SpsConsumer,
  type SpsContext as ClientContext,
  type SpsMessage,
} from '@shopstream/sps-client';
import { SpsContext } from './sps.context';

/** The header that names a record's event type (DESIGN.md: `event-type`). */
export const EVENT_TYPE_HEADER = 'event-type';

export interface SpsServerOptions extends ConsumerOptions {
  /** The connected client (e.g. `app.get(SpsClient)` from SpsModule). */
  client: SpsClient;
  /** Turns a record's value into the handler's payload. @default JSON.parse of the UTF-8 value */
  deserialize?: (message: SpsMessage) => unknown;
}

export class SpsServer extends Server implements CustomTransportStrategy {
  private consumer: SpsConsumer | undefined;
  private readonly log = new Logger(SpsServer.name);

  constructor(private readonly options: SpsServerOptions) {
    super();
  }

  /** Joins the group and starts handling records; `callback` runs once the first assignment arrived. */
  listen(callback: (error?: unknown) => void): void {
    const { client, deserialize: _d, ...consumerOptions } = this.options;
    this.consumer = client.consumer(consumerOptions);
    this.consumer
      .start((message, context) => this.dispatch(message, context))
      .then(
        () => callback(),
        (error: unknown) => callback(error),
      );
  }

  private async dispatch(message: SpsMessage, context: ClientContext): Promise<void> {
    const eventType = context.header(EVENT_TYPE_HEADER);
    if (eventType === undefined) {
      throw new SpsError('SPS_ERR_MALFORMED', `record has no "${EVENT_TYPE_HEADER}" header`, {
        context: { stream: message.stream, partition: message.partition, index: message.index },
      });
    }
    const handler = this.getHandlerByPattern(eventType);
    if (!handler) {
      this.log.debug(
        `no handler for "${eventType}" at ${message.stream}/${message.partition}@${String(message.index)}: skipped`,
      );
      return;
    }
    const payload = (this.options.deserialize ?? parseJson)(message);
    const result: unknown = await handler(payload, new SpsContext(message, context));
    // Nest wraps handlers in observables; wait for completion so errors fail the record.
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  /** Graceful: stop fetching, finish in-flight records, commit, leave the group. */
  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error(
      'SpsServer has no events to subscribe to; use the consumer events of the client',
    );
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('SpsServer is not listening yet');
    return this.consumer as T;
  }
}

function parseJson(message: SpsMessage): unknown {
  if (message.value === null) return null;
  try {
    return JSON.parse(message.value.toString('utf8')) as unknown;
  } catch (cause) {
    throw new SpsError('SPS_ERR_MALFORMED', 'record value is not valid JSON', {
      cause,
      context: { stream: message.stream, partition: message.partition, index: message.index },
    });
  }
}
