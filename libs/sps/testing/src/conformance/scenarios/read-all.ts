// Reads what a stream holds now, partition by partition from each log start (for assertions).
import { type ConformanceClient, type ConformanceMessage } from '../conformance-client';

export async function readAll(
  client: ConformanceClient,
  stream: string,
): Promise<ConformanceMessage[]> {
  const admin = client.admin();
  const { partitions } = await admin.describeStream(stream);
  const read = await Promise.all(
    partitions.map((p) => admin.read(stream, p.partition, { from: p.logStartIndex, limit: 1_000 })),
  );
  return read.flat();
}
