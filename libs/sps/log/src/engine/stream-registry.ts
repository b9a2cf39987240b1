/**
 * The engine's catalogue of streams: name, partition count and configuration, persisted in
 * `<dataDir>/streams.json` with `writeFileAtomic` (old or new after a crash, never torn).
 *
 * Format (version 1): `{ "version": 1, "streams": [{ "name", "partitions", "config", "internal",
 * "createdAt" }] }`. Version rule: a reader refuses a file whose version it does not know;
 * adding an optional field keeps the version, anything else bumps it.
 */
import {
  SpsError,
  type StreamConfig,
  type StreamName,
  streamNameProblem,
} from '@shopstream/sps-core';
import { joinPath, type Storage } from '../storage/storage';
import { type StreamInfo } from '../types';

const FORMAT_VERSION = 1;

interface StoredStream extends StreamInfo {
  createdAt: number;
}

export class StreamRegistry {
  private readonly streams = new Map<StreamName, StoredStream>();

  private constructor(
    private readonly storage: Storage,
    private readonly path: string,
  ) {}

  static async open(storage: Storage, dataDir: string): Promise<StreamRegistry> {
    const registry = new StreamRegistry(storage, joinPath(dataDir, 'streams.json'));
    const bytes = await storage.readFile(registry.path);
    if (bytes) {
      const parsed = JSON.parse(bytes.toString('utf8')) as {
        version: number;
        streams: StoredStream[];
      };
      if (parsed.version !== FORMAT_VERSION) {
        throw new SpsError(
          'SPS_ERR_STORAGE',
          `${registry.path} has format version ${parsed.version}; this engine reads version ${FORMAT_VERSION}`,
          { retriable: false, context: { path: registry.path, version: parsed.version } },
        );
      }
      for (const s of parsed.streams) registry.streams.set(s.name, s);
    }
    return registry;
  }

  get(name: StreamName): StoredStream | undefined {
    return this.streams.get(name);
  }

  /** The stream, or SPS_ERR_UNKNOWN_STREAM. */
  require(name: StreamName): StoredStream {
    const stream = this.streams.get(name);
    if (!stream) {
      throw new SpsError('SPS_ERR_UNKNOWN_STREAM', `stream "${name}" does not exist`, {
        context: { stream: name },
      });
    }
    return stream;
  }

  list(): StoredStream[] {
    return [...this.streams.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async put(stream: StoredStream): Promise<void> {
    const next = new Map(this.streams).set(stream.name, stream);
    await this.persist(next);
    this.streams.set(stream.name, stream);
  }

  async remove(name: StreamName): Promise<void> {
    const next = new Map(this.streams);
    next.delete(name);
    await this.persist(next);
    this.streams.delete(name);
  }

  private async persist(streams: Map<StreamName, StoredStream>): Promise<void> {
    const body = { version: FORMAT_VERSION, streams: [...streams.values()] };
    await this.storage.writeFileAtomic(this.path, Buffer.from(JSON.stringify(body, null, 2)));
  }
}

/** Checks a stream name; throws SPS_ERR_INVALID_STREAM_NAME with the reason. */
export function assertStreamName(name: string): void {
  const problem = streamNameProblem(name);
  if (problem) {
    throw new SpsError('SPS_ERR_INVALID_STREAM_NAME', problem, { context: { stream: name } });
  }
}

/** Partition counts a stream may have. */
export const MAX_PARTITIONS = 10_000;

export function assertPartitionCount(count: number, stream: string): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PARTITIONS) {
    throw new SpsError(
      'SPS_ERR_INVALID_PARTITIONS',
      `a stream has 1 to ${MAX_PARTITIONS} partitions; got ${count} for "${stream}"`,
      { context: { stream, partitions: count } },
    );
  }
}

/** Validates a (partial) stream configuration; throws SPS_ERR_INVALID_ARGUMENT naming the field. */
export function assertStreamConfig(config: Partial<StreamConfig>): void {
  const rules: Array<[keyof StreamConfig, (v: number) => boolean, string]> = [
    ['ttlMs', (v) => v === -1 || v >= 1, '-1 (forever) or at least 1 ms'],
    ['retentionBytes', (v) => v === -1 || v >= 1, '-1 (no limit) or at least 1 byte'],
    ['segmentBytes', (v) => v >= 1024, 'at least 1024 bytes'],
    ['segmentMs', (v) => v >= 1, 'at least 1 ms'],
    ['maxBatchBytes', (v) => v >= 64, 'at least 64 bytes'],
  ];
  for (const [field, ok, expected] of rules) {
    const value = config[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || !ok(value)) {
      throw new SpsError(
        'SPS_ERR_INVALID_ARGUMENT',
        `stream config ${field} must be ${expected}, got ${String(value)}`,
        { context: { field, value } },
      );
    }
  }
}
