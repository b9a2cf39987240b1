// The promo-counter service's configuration: the keys every service has (HOST, PORT=3006,
// LOG_*, SPS_*), and SNAPSHOT_DIR, SNAPSHOT_INTERVAL_MS, SSE_HEARTBEAT_MS (see README.md).
import { z } from 'zod';
import { serviceEnvSchema } from '@shopstream/commerce-service-config';
import {
  DEFAULT_SNAPSHOT_INTERVAL_MS,
  DEFAULT_SSE_HEARTBEAT_MS,
} from '@shopstream/commerce-promo-counter';

export const SERVICE = 'promo-counter';

/** Relative to the working directory: the repository root when `npm start` runs the stack. */
export const DEFAULT_SNAPSHOT_DIR = 'var/promo-counter';

const millis = (fallback: number, min: number) =>
  z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(min, { error: `must be at least ${min} (ms)` })
    .default(fallback);

export const promoCounterConfigSchema = serviceEnvSchema(3006, {
  SNAPSHOT_DIR: z
    .string()
    .trim()
    .min(1, { error: 'must name a directory' })
    .default(DEFAULT_SNAPSHOT_DIR),
  SNAPSHOT_INTERVAL_MS: millis(DEFAULT_SNAPSHOT_INTERVAL_MS, 100),
  SSE_HEARTBEAT_MS: millis(DEFAULT_SSE_HEARTBEAT_MS, 100),
});

export type PromoCounterConfig = z.infer<typeof promoCounterConfigSchema>;
