/**
 * The promo-counter service: the reader of `orders` with its in-memory tally and snapshots,
 * the live stream, the HTTP read model and the `reader` health entry. Expects service-kit and
 * the SPS client from the root module (CommerceSpsModule, which also makes `orders` exist
 * before the reader starts).
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { PromosController } from './http/promos.controller';
import { PromoEventsHub } from './live/promo-events.hub';
import { PROMO_COUNTER_OPTIONS, type PromoCounterOptions } from './promo-counter.options';
import { PromoCounterService } from './reading/promo-counter.service';
import { ReaderHealth } from './reading/reader-health';

@Module({})
export class PromoCounterModule {
  static forRoot(options: PromoCounterOptions): DynamicModule {
    return {
      module: PromoCounterModule,
      controllers: [PromosController],
      providers: [
        { provide: PROMO_COUNTER_OPTIONS, useValue: options },
        PromoCounterService,
        PromoEventsHub,
        ReaderHealth,
      ],
      exports: [PromoCounterService, PromoEventsHub],
    };
  }
}
