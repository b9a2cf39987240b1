/**
 * A reader on the in-process engine: fetch loops over explicit partitions (default: all of
 * the stream's partitions when it starts), no group, no commits.
 */
import {
  type DriverConsumerListener,
  type DriverPartitionReader,
  type DriverReaderOptions,
  SpsError,
} from '@shopstream/sps-core';
import { type Engine } from '@shopstream/sps-log';
import { startIndex } from './engine-index';
import { runFetchLoop } from './partition-fetcher';

export class EmbeddedReader implements DriverPartitionReader {
  private readonly abort = new AbortController();
  private stale = false;
  private loops: Promise<void>[] = [];
  private started = false;

  constructor(
    private readonly engine: Engine,
    private readonly o: DriverReaderOptions,
  ) {}

  async start(
    listener: Pick<DriverConsumerListener, 'onBatch' | 'onError' | 'onIndexReset'>,
  ): Promise<void> {
    if (this.started) throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'already started');
    this.started = true;
    const { stream } = this.o;
    const partitions =
      this.o.partitions ??
      Array.from({ length: this.engine.describeStream(stream).partitions }, (_, p) => p);
    // Resolve every start index before fetching anything: a bad partition fails `start`.
    const starts = await Promise.all(
      partitions.map((p) => startIndex(this.engine, stream, p, this.o.from)),
    );
    this.loops = partitions.map((partition, i) =>
      runFetchLoop({
        engine: this.engine,
        stream,
        partition,
        index: starts[i]!,
        maxWaitMs: this.o.maxWaitMs,
        signal: this.abort.signal,
        isStale: () => this.stale,
        listener,
      }).catch((error: unknown) => listener.onError?.(error)),
    );
  }

  async stop(): Promise<void> {
    this.stale = true;
    this.abort.abort();
    await Promise.all(this.loops);
  }
}
