/**
 * `GET /promos/stream`: the live counts as server-sent events, to every connected client.
 *
 * - on connect: `retry: 3000`, then one `snapshot` event with the whole board (`GET /promos`),
 *   so a client needs nothing else to start, and a reconnecting client simply starts over
 *   (`Last-Event-ID` is not needed and not read);
 * - then one event per counted order: `promo` (the code's new counts) or `without-code`;
 *   `id` is the number of distinct orders counted after the change (it only grows);
 * - a `: heartbeat` comment every heartbeat interval, so proxies keep an idle stream open;
 * - on shutdown (before the HTTP server closes, which would otherwise wait for these
 *   never-ending responses): a `: shutting down` comment, then each response is ended;
 *   EventSource clients reconnect after `retry`. New connections then get 503.
 *
 * A client that does not read (more than MAX_BUFFERED_BYTES queued) is disconnected rather
 * than buffered without bound.
 */
import { type ServerResponse } from 'node:http';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { type TallyChange } from '../counting/promo-count.types';
import {
  DEFAULT_SSE_HEARTBEAT_MS,
  PROMO_COUNTER_OPTIONS,
  type PromoCounterOptions,
} from '../promo-counter.options';
import { PromoCounterService } from '../reading/promo-counter.service';
import { sseComment, sseEvent, sseRetry } from './sse-format';

/** Queued bytes after which a client that does not read is disconnected. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
const RECONNECT_MS = 3_000;

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx would otherwise buffer the response and deliver events late.
  'x-accel-buffering': 'no',
} as const;

@Injectable()
export class PromoEventsHub implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly log = new Logger('PromoStream');
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private closing = false;

  constructor(
    private readonly counter: PromoCounterService,
    @Inject(PROMO_COUNTER_OPTIONS) private readonly options: PromoCounterOptions,
  ) {}

  /** Connected clients. */
  get size(): number {
    return this.clients.size;
  }

  onModuleInit(): void {
    this.unsubscribe = this.counter.onChange((change) => this.broadcast(change));
    const every = this.options.heartbeatIntervalMs ?? DEFAULT_SSE_HEARTBEAT_MS;
    this.heartbeat = setInterval(() => this.send(sseComment('heartbeat')), every);
    this.heartbeat.unref();
  }

  /** Takes over a response: headers, the retry hint and the snapshot event, then live events. */
  attach(response: ServerResponse): void {
    if (this.closing) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '3' });
      response.end(JSON.stringify({ error: 'shutting_down', message: 'the service is stopping' }));
      return;
    }
    response.writeHead(200, SSE_HEADERS);
    const board = this.counter.tally.board();
    response.write(sseRetry(RECONNECT_MS) + sseEvent('snapshot', board.ordersCounted, board));
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  onModuleDestroy(): void {
    // Stop following the counter first: the reader stops in the same phase.
    this.unsubscribe?.();
    clearInterval(this.heartbeat);
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const client of this.clients) client.end(sseComment('shutting down'));
    if (this.clients.size > 0) this.log.log(`closed ${this.clients.size} live stream(s)`);
    this.clients.clear();
  }

  private broadcast(change: TallyChange): void {
    const id = this.counter.tally.ordersCounted;
    this.send(sseEvent(change.kind, id, change.count));
  }

  private send(chunk: string): void {
    for (const client of this.clients) {
      if (client.writableLength > MAX_BUFFERED_BYTES) {
        this.log.warn('a live stream client stopped reading: disconnected');
        this.clients.delete(client);
        client.destroy();
        continue;
      }
      client.write(chunk);
    }
  }
}
