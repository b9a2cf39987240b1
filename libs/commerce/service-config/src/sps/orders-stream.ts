/**
 * The `orders` stream, made to exist before a service produces to it or joins a group on it.
 * Every service ensures it at start-up: whichever starts first creates it with
 * {@link ORDERS_STREAM_PARTITIONS} partitions, the others find it. Without this, the first
 * producer or consumer would have the broker auto-create it with its default of 1 partition
 * (Kafka's `num.partitions`), and partitions can be added later but never removed.
 */
import { hasSpsCode } from '@shopstream/sps-core';
import { type SpsClient } from '@shopstream/sps-client';
import { STREAMS } from '@shopstream/commerce-contracts';

/**
 * Partitions of `orders` when a service creates it: enough for three members of a group to
 * share the work on one laptop. Adding partitions later moves keys (DESIGN.md).
 */
export const ORDERS_STREAM_PARTITIONS = 3;

/** What {@link ensureOrdersStream} found or did. */
export type EnsureOutcome = 'created' | 'exists';

/**
 * Creates `orders` unless it exists. Safe when several services start at once: a concurrent
 * creation (`SPS_ERR_STREAM_EXISTS`) counts as "exists".
 */
export async function ensureOrdersStream(
  client: SpsClient,
  partitions = ORDERS_STREAM_PARTITIONS,
): Promise<EnsureOutcome> {
  const admin = client.admin();
  if ((await admin.listStreams()).includes(STREAMS.orders)) return 'exists';
  try {
    await admin.createStream(STREAMS.orders, { partitions });
    return 'created';
  } catch (error) {
    if (hasSpsCode(error, 'SPS_ERR_STREAM_EXISTS')) return 'exists';
    // Whatever a driver calls a lost creation race, the stream is there now: look again.
    if ((await admin.listStreams()).includes(STREAMS.orders)) return 'exists';
    throw error;
  }
}
