/**
 * The `stock` stream, made to exist before the relay first appends to it, with
 * {@link STOCK_STREAM_PARTITIONS} partitions (like `orders`: otherwise the broker would create
 * it on first use with its own default, and partitions can be added but never removed).
 */
import { STREAMS } from '@shopstream/commerce-contracts';
import { type SpsClient } from '@shopstream/sps-client';
import { hasSpsCode } from '@shopstream/sps-core';

/** Partitions of `stock` when the stock service creates it (key = sku). */
export const STOCK_STREAM_PARTITIONS = 3;

/** Creates `stock` unless it exists; a concurrent creation counts as "exists". */
export async function ensureStockStream(client: SpsClient): Promise<'created' | 'exists'> {
  const admin = client.admin();
  if ((await admin.listStreams()).includes(STREAMS.stock)) return 'exists';
  try {
    await admin.createStream(STREAMS.stock, { partitions: STOCK_STREAM_PARTITIONS });
    return 'created';
  } catch (error) {
    if (hasSpsCode(error, 'SPS_ERR_STREAM_EXISTS')) return 'exists';
    if ((await admin.listStreams()).includes(STREAMS.stock)) return 'exists';
    throw error;
  }
}
