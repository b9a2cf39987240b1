/**
 * The events a consumer (and a reader) emits, for logs, metrics and tests. Listeners run
 * synchronously; one that throws is reported as a process warning and never disturbs delivery
 * (unlike Node's EventEmitter, where it would throw into the runtime, and where an `error`
 * event without a listener would crash the process).
 */
import { type PartitionRef, type StreamIndex } from '@shopstream/sps-core';
import { type SpsMessage } from './sps-message';

export interface ConsumerEventMap {
  /** This member now owns these partitions (after a rebalance). */
  assigned: { partitions: PartitionRef[] };
  /** These partitions were finished, committed and given up (rebalance or stop). */
  revoked: { partitions: PartitionRef[] };
  /** Indexes were committed: every record up to `index` (inclusive) is done. */
  committed: { partitions: Array<PartitionRef & { index: StreamIndex }> };
  /** A handler failed; the record is tried again after `delayMs`. */
  retrying: { message: SpsMessage; attempt: number; delayMs: number; error: unknown };
  /** A record was moved to its dead-letter stream; the partition moves on. */
  'dead-lettered': {
    message: SpsMessage;
    attempts: number;
    error: unknown;
    deadLetterStream: string;
    deadLetterIndex: StreamIndex;
  };
  /** Records were removed (TTL) under the consumer: it reads on from `restartedAt`. */
  'index-reset': PartitionRef & { requested: StreamIndex; restartedAt: StreamIndex };
  /** Something failed that the consumer handles by itself (it keeps going). */
  error: { error: unknown; message?: SpsMessage };
}

export type ConsumerEventName = keyof ConsumerEventMap;
export type ConsumerEventListener<E extends ConsumerEventName> = (
  event: ConsumerEventMap[E],
) => void;

/** A small typed event emitter. */
export class ConsumerEvents {
  private readonly listeners = new Map<ConsumerEventName, Set<(event: never) => void>>();

  on<E extends ConsumerEventName>(name: E, listener: ConsumerEventListener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => this.off(name, listener);
  }

  off<E extends ConsumerEventName>(name: E, listener: ConsumerEventListener<E>): void {
    this.listeners.get(name)?.delete(listener);
  }

  emit<E extends ConsumerEventName>(name: E, event: ConsumerEventMap[E]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as ConsumerEventListener<E>)(event);
      } catch (error) {
        process.emitWarning(
          `an SPS "${name}" listener threw: ${error instanceof Error ? error.message : String(error)}`,
          { code: 'SPS_LISTENER_ERROR' },
        );
      }
    }
  }
}
