// @shopstream/commerce-service-config/testing: helpers for tests of the shop's services.
import { type SpsClient } from '@shopstream/sps-client';
import { waitFor } from '@shopstream/sps-testing';

/**
 * Whether `group` has committed every record of `stream`: for each partition that holds
 * records, its committed index is the high watermark. (A group's `totalLag` alone is not
 * enough: a partition the group never committed to has no known lag and counts as 0.)
 */
export async function groupCaughtUp(
  client: SpsClient,
  group: string,
  stream: string,
): Promise<boolean> {
  const admin = client.admin();
  const [description, committed] = await Promise.all([
    admin.describeStream(stream),
    admin.describeGroup(group),
  ]);
  return description.partitions.every((p) => {
    if (String(p.highWatermark) === String(p.logStartIndex)) return true;
    const entry = committed.partitions.find(
      (c) => c.stream === stream && c.partition === p.partition,
    );
    return entry !== undefined && String(entry.committedIndex) === String(p.highWatermark);
  });
}

/** Waits until {@link groupCaughtUp}. */
export async function waitForGroupCaughtUp(
  client: SpsClient,
  group: string,
  stream: string,
  timeoutMs = 15_000,
): Promise<void> {
  await waitFor(() => groupCaughtUp(client, group, stream), {
    description: `group ${group} to commit everything on ${stream}`,
    timeoutMs,
  });
}
