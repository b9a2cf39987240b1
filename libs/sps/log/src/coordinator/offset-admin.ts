/**
 * Admin arithmetic over committed indexes and the log: where a reset puts each partition, and
 * how far a group lags. Pure functions of the log view; the coordinator runs them inside the
 * group's queue and writes the results through the OffsetStore.
 */
import { decodeSubscription, SpsError, type StartFrom } from '@shopstream/sps-core';
import { type ConsumerGroup } from './consumer-group';
import {
  type CoordinatorLogView,
  type PartitionLag,
  type ResetOffsetResult,
} from './coordinator-types';
import { metadataFor } from './group-member';
import { type OffsetRow } from './offset-table';

/**
 * The partitions a reset touches: the ones named, else those `to.indexes` names for an
 * index reset, else all. Throws for an unknown stream or partition.
 */
export function resetPartitions(
  view: CoordinatorLogView,
  stream: string,
  to: StartFrom,
  partitions?: readonly number[],
): number[] {
  const count = view.partitionCount(stream);
  if (count === undefined) {
    throw new SpsError('SPS_ERR_UNKNOWN_STREAM', `stream "${stream}" does not exist`, {
      context: { stream },
    });
  }
  const chosen =
    partitions ??
    (to.kind === 'index'
      ? Object.keys(to.indexes).map(Number)
      : Array.from({ length: count }, (_, p) => p));
  for (const p of chosen) {
    if (!Number.isInteger(p) || p < 0 || p >= count) {
      throw new SpsError('SPS_ERR_UNKNOWN_PARTITION', `stream "${stream}" has no partition ${p}`, {
        context: { stream, partition: p, partitions: count },
      });
    }
  }
  return [...new Set(chosen)].sort((a, b) => a - b);
}

/**
 * Where each partition starts after a reset: earliest = log start, latest = high watermark,
 * time = first index at or after the timestamp (the high watermark when none, as kafkajs
 * does), index = the given one clamped into [log start, high watermark] (as Kafka's
 * `--reset-offsets --to-offset`).
 */
export async function resetTargets(
  view: CoordinatorLogView,
  stream: string,
  to: StartFrom,
  partitions: readonly number[],
): Promise<ResetOffsetResult[]> {
  const out: ResetOffsetResult[] = [];
  for (const partition of partitions) {
    const wm = view.watermarks(stream, partition);
    if (!wm) {
      throw new SpsError(
        'SPS_ERR_UNKNOWN_PARTITION',
        `stream "${stream}" has no partition ${partition}`,
        {
          context: { stream, partition },
        },
      );
    }
    let index: number;
    switch (to.kind) {
      case 'earliest':
        index = wm.logStartIndex;
        break;
      case 'latest':
        index = wm.highWatermark;
        break;
      case 'time':
        index = (await view.indexForTimestamp(stream, partition, to.timestamp)) ?? wm.highWatermark;
        break;
      case 'index': {
        const wanted = to.indexes[partition];
        if (wanted === undefined || !Number.isSafeInteger(wanted)) {
          throw new SpsError(
            'SPS_ERR_INVALID_ARGUMENT',
            `no index given for partition ${partition} of "${stream}"`,
            {
              context: { stream, partition },
            },
          );
        }
        index = Math.min(Math.max(wanted, wm.logStartIndex), wm.highWatermark);
        break;
      }
    }
    out.push({ partition, index });
  }
  return out;
}

/** Streams the members subscribe to, read from their ConsumerProtocol metadata. */
export function subscribedStreams(g: ConsumerGroup): string[] {
  if (g.protocolType !== 'consumer') return [];
  const streams = new Set<string>();
  for (const m of g.members.values()) {
    const metadata = metadataFor(m, g.protocolName ?? m.protocols[0]?.name ?? null);
    try {
      for (const topic of decodeSubscription(metadata).topics) streams.add(topic);
    } catch {
      // Not ConsumerProtocol bytes: this member's subscription is unknown, lag shows commits only.
    }
  }
  return [...streams];
}

/**
 * Lag of every partition of the streams the group committed on or subscribes to:
 * high watermark − committed index, `null` where nothing is committed. Streams that no longer
 * exist are left out.
 */
export function computeLag(
  view: CoordinatorLogView,
  rows: readonly OffsetRow[],
  subscribed: readonly string[],
): PartitionLag[] {
  const committed = new Map(rows.map((r) => [`${r.stream}\u0000${r.partition}`, r.offset.index]));
  const streams = [...new Set([...rows.map((r) => r.stream), ...subscribed])].sort();
  const out: PartitionLag[] = [];
  for (const stream of streams) {
    const count = view.partitionCount(stream) ?? 0;
    for (let partition = 0; partition < count; partition++) {
      const wm = view.watermarks(stream, partition);
      if (!wm) continue;
      const index = committed.get(`${stream}\u0000${partition}`);
      out.push({
        stream,
        partition,
        committedIndex: index ?? -1,
        highWatermark: wm.highWatermark,
        lag: index === undefined ? null : Math.max(0, wm.highWatermark - index),
      });
    }
  }
  return out;
}
