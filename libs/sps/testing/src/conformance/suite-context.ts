/**
 * What every scenario gets: the test's harness, a connected client, unique stream and group
 * names (a harness may share one backend across tests, e.g. a Kafka cluster), and the consumer
 * options that keep the suite fast — short sessions, frequent commits, quick retries.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { type ConformanceClient, type ConformanceDeliveryOptions } from './conformance-client';
import { type ConformanceHarness, type ConformanceHarnessFactory } from './conformance-harness';

export interface SuiteContext {
  harness(): ConformanceHarness;
  /** The test's client (connected on first use). */
  client(): Promise<ConformanceClient>;
  /** Creates a stream with a unique name and returns the name. */
  newStream(partitions: number, options?: { ttlMs?: number; prefix?: string }): Promise<string>;
  /** A unique consumer group name. */
  newGroup(prefix?: string): string;
  /** Options for consumers and readers that keep tests fast. */
  fast(overrides?: ConformanceDeliveryOptions): ConformanceDeliveryOptions;
}

/** Registers before/after hooks that give each test a fresh harness. */
export function useHarness(factory: ConformanceHarnessFactory): SuiteContext {
  let harness: ConformanceHarness | undefined;
  let client: Promise<ConformanceClient> | undefined;
  beforeEach(async () => {
    harness = await factory();
    client = undefined;
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
  const context: SuiteContext = {
    harness: () => {
      if (!harness) throw new Error('no harness: use the context inside a test');
      return harness;
    },
    client: () => (client ??= context.harness().connect()),
    async newStream(partitions, options = {}) {
      const name = unique(options.prefix ?? 'orders');
      const admin = (await context.client()).admin();
      await admin.createStream(name, {
        partitions,
        ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
      });
      return name;
    },
    newGroup: (prefix = 'group') => unique(prefix),
    fast: (overrides = {}) => ({
      ...context.harness().consumerTiming,
      commit: { intervalMs: 50, maxPending: 1_000 },
      retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
      maxWaitMs: 200,
      ...overrides,
    }),
  };
  return context;
}
