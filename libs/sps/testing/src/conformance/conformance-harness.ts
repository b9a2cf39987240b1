/**
 * What a driver provides so the conformance suite can run on it. One harness per test: it
 * owns a fresh backend (an engine on a temp dir, a broker, a cluster namespace) and tears it
 * down in `close()`. Each hook says what it must do; how is the driver's business.
 */
import { type StreamName } from '@shopstream/sps-core';
import { type ScriptProcess } from '../script-process';
import { type ConformanceClient, type ConformanceProducer } from './conformance-client';

/** A consumer of `group` running in another OS process, that never commits before it dies. */
export interface ConsumerProcessOptions {
  group: string;
  stream: StreamName;
}

export interface ConformanceHarness {
  /** The driver's name, for test titles. */
  readonly driver: string;
  /**
   * Session timeout and heartbeat the scenarios give their consumers: short, so a member that
   * leaves or dies is noticed quickly, and accepted by the backend's coordinator.
   */
  readonly consumerTiming: { sessionTimeoutMs: number; heartbeatIntervalMs: number };
  /** A new client of the backend; `close()` closes every client still open. */
  connect(): Promise<ConformanceClient>;
  /** Runs TTL enforcement now (the backend otherwise runs it on its own schedule). */
  enforceRetention(): Promise<void>;
  /**
   * A producer whose sends behave as if the first acknowledgement of each batch was lost: the
   * batch reaches the backend, the answer does not, and the producer sends the same batch
   * again. With `idempotent: true` the backend must store it once.
   */
  producerWithLostAcks(
    client: ConformanceClient,
    options: { idempotent: boolean },
  ): Promise<ConformanceProducer>;
  /**
   * Starts, in a child OS process, a consumer of `group` on `stream` from the earliest record
   * that prints `handled <value>` on stdout after each handler, and whose commit interval is
   * longer than its life, so `kill('SIGKILL')` always lands after handling and before the
   * commit. Clients from `connect()` must be closed before (the embedded harness hands its
   * engine's data directory to the child); after the kill the backend is usable again.
   */
  startConsumerProcess(options: ConsumerProcessOptions): Promise<ConsumerProcess>;
  close(): Promise<void>;
}

export interface ConsumerProcess {
  readonly script: ScriptProcess;
  /** SIGKILLs the process, then makes the backend available to `connect()` again. */
  kill(): Promise<void>;
}

export type ConformanceHarnessFactory = () => Promise<ConformanceHarness>;
