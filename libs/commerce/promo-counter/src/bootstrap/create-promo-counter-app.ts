/**
 * The promo-counter application around a root module: service-kit's HTTP app. Unlike the
 * other services it connects no consumer-group transport: its reader starts when the app
 * initialises (`listen()` does that), from the snapshot or from the start of `orders`.
 */
import { type Type } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@shopstream/service-kit';

export function createPromoCounterApp(rootModule: Type<unknown>): Promise<NestFastifyApplication> {
  return createServiceApp(rootModule);
}
