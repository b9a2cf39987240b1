/**
 * The promo counter's HTTP side:
 *
 * | endpoint             | answer                                                              |
 * | -------------------- | ------------------------------------------------------------------- |
 * | `GET /promos`        | `PromoBoard`: every code (the shop's, then others seen), orders    |
 * |                      | without a code, distinct orders counted                            |
 * | `GET /promos/:code`  | `LivePromoCount` (any case); 404 `NotFound` for a code never seen  |
 * | `GET /promos/stream` | server-sent events: `snapshot`, then `promo` / `without-code`      |
 *
 * The counts are the in-memory tally: they include every record the reader has applied, which
 * is everything up to `GET /health`'s positions.
 */
import { type ServerResponse } from 'node:http';
import { Controller, Get, HttpException, Param, Res } from '@nestjs/common';
import { type NotFound } from '@shopstream/commerce-contracts';
import { type LivePromoCount, type PromoBoard } from '../counting/promo-count.types';
import { PromoEventsHub } from '../live/promo-events.hub';
import { PromoCounterService } from '../reading/promo-counter.service';

/** What Nest hands `@Res()` on Fastify, as far as the live stream needs it. */
interface HijackableReply {
  /** Tells Fastify the handler answers on the raw response itself. */
  hijack(): void;
  raw: ServerResponse;
}

@Controller('promos')
export class PromosController {
  constructor(
    private readonly counter: PromoCounterService,
    private readonly hub: PromoEventsHub,
  ) {}

  @Get()
  board(): PromoBoard {
    return this.counter.tally.board();
  }

  // Declared before `:code`; Fastify's router prefers the static path in any case.
  @Get('stream')
  stream(@Res() reply: HijackableReply): void {
    reply.hijack();
    this.hub.attach(reply.raw);
  }

  @Get(':code')
  promo(@Param('code') code: string): LivePromoCount {
    const count = this.counter.tally.promo(code.trim().toUpperCase());
    if (count === undefined) {
      const body: NotFound = {
        error: 'not_found',
        message: `promo code "${code}" has no orders and is not one of the shop's codes`,
      };
      throw new HttpException(body, 404);
    }
    return count;
  }
}
