/**
 * One client connection: frames in, responses out, strictly in order.
 *
 * Ordering (Kafka's guarantee, kafka.apache.org/protocol.html: "the server guarantees that on
 * a single TCP connection, requests will be processed in the order they are sent and
 * responses will return in that order"): frames are decoded eagerly as they arrive and
 * queued; ONE pump handles them one at a time, awaiting each handler (which may park, e.g. a
 * Fetch long-poll) before starting the next, and writes each response before the next is made.
 *
 * Closing: a connection-fatal frame (see classify.ts) logs one line and stops all reading;
 * the requests decoded before it are still answered (Kafka would have served them before
 * even reading the bad frame), then the socket closes. A handler can ask to close right
 * after its response (failed SASL). Idle connections are closed after `idleTimeoutMs`.
 *
 * Memory bounds: a partial frame is bounded by `maxFrameBytes` (FrameDecoder). Decoded-but-
 * unhandled requests plus unwritten response bytes are bounded by `maxBufferedBytes`: above
 * it the socket stops being read (TCP then pushes back on the client), and the pump waits for
 * the socket to drain before producing another response — so a client that never reads
 * cannot make the server buffer more than one response beyond the mark.
 */
import { type Socket } from 'node:net';
import { type ConnectionContext } from '../handlers/handler';
import { classifyFrame, type ClassifyState, type WorkItem } from './classify';
import { dispatch, type DispatchConnection } from './dispatch';
import { FrameDecoder } from './frame-decoder';
import { IdleTimer } from './idle-timer';
import { errorFields } from './logger';
import { SaslSession } from './sasl-session';
import { type ServerCore } from './server-core';

/** A snapshot of one connection's buffers, for tests and diagnostics. */
export interface ConnectionStats {
  readonly id: number;
  readonly queuedRequests: number;
  /** Bytes of decoded requests waiting for their turn. */
  readonly queuedBytes: number;
  /** Response bytes handed to the socket but not yet flushed to the kernel. */
  readonly unwrittenBytes: number;
  /** Highest queuedBytes + unwrittenBytes seen so far. */
  readonly peakBufferedBytes: number;
  readonly readingPaused: boolean;
}

/** How long a closing connection may take to flush its last response and see the peer's FIN. */
const FLUSH_BEFORE_CLOSE_MS = 5_000;

export class Connection implements DispatchConnection {
  readonly context: ConnectionContext;
  readonly closed: Promise<void>;
  private readonly abort = new AbortController();
  private readonly decoder: FrameDecoder;
  private readonly classifyState: ClassifyState = { expectRawToken: false };
  private readonly queue: WorkItem[] = [];
  private readonly client = { id: null as string | null };
  private queuedBytes = 0;
  private peak = 0;
  private pumping = false;
  private paused = false;
  /** False once we stopped accepting input (shutdown, fatal frame, closing). */
  private reading = true;
  /** End the socket as soon as the queue is served (shutdown, fatal frame, peer ended). */
  private finishing = false;
  /** `socket.end()` was called. */
  private ending = false;
  private isClosed = false;
  private readonly idle: IdleTimer;
  private drainWaiter: (() => void) | undefined;
  private resolveClosed!: () => void;

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly core: ServerCore,
  ) {
    this.decoder = new FrameDecoder(core.limits.maxFrameBytes);
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    const client = this.client;
    this.context = {
      id,
      remoteAddress: socket.remoteAddress ?? '',
      remotePort: socket.remotePort ?? 0,
      get clientId() {
        return client.id;
      },
      sasl: new SaslSession(core.users !== null),
    };
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('end', () => this.finish());
    socket.on('error', (error) =>
      this.core.logger.debug('socket error', { ...this.fields(), ...errorFields(error) }),
    );
    socket.on('close', () => this.onClosed());
    this.idle = new IdleTimer(
      core.limits.idleTimeoutMs,
      () => this.pumping || this.queue.length > 0,
      (idleFor) => {
        this.core.logger.info(`closing connection: idle for ${idleFor} ms`, this.fields());
        this.socket.destroy();
      },
    );
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  setClientId(clientId: string | null): void {
    this.client.id = clientId;
  }

  stats(): ConnectionStats {
    return {
      id: this.id,
      queuedRequests: this.queue.length,
      queuedBytes: this.queuedBytes,
      unwrittenBytes: this.socket.writableLength,
      peakBufferedBytes: this.peak,
      readingPaused: this.paused,
    };
  }

  /** Graceful shutdown: read nothing more, answer what was received, then close. */
  shutdown(): Promise<void> {
    if (!this.isClosed) {
      this.abort.abort();
      this.stopReading();
      this.finish();
    }
    return this.closed;
  }

  /** Closes now, dropping queued work (the shutdown deadline). */
  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (!this.reading) return;
    this.idle.touch();
    try {
      for (const frame of this.decoder.push(chunk)) {
        const item = classifyFrame(frame, this.core, this.classifyState);
        this.queue.push(item);
        this.queuedBytes += item.bytes;
      }
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
    this.updateBackpressure();
    void this.pump();
  }

  /** Handles queued items one at a time, in arrival order. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) {
        this.queuedBytes -= item.bytes;
        const outcome = await dispatch(item, this, this.core);
        if (this.isClosed) return;
        if (outcome.frame !== undefined) this.write(outcome.frame);
        if (outcome.close !== undefined) {
          this.closeAfterResponse(outcome.close);
          return;
        }
        this.updateBackpressure();
        if (this.socket.writableLength > this.core.limits.maxBufferedBytes) await this.writable();
        if (this.isClosed) return;
      }
    } finally {
      this.pumping = false;
    }
    this.updateBackpressure();
    this.endIfDone();
  }

  private write(frame: Buffer): void {
    if (this.socket.destroyed) return;
    this.socket.write(frame, () => this.idle.touch());
    this.trackPeak();
  }

  /** Pauses reading above the mark; resumes once below half of it. */
  private updateBackpressure(): void {
    const pending = this.trackPeak();
    const mark = this.core.limits.maxBufferedBytes;
    if (!this.paused && pending > mark) {
      this.paused = true;
      this.socket.pause();
    } else if (this.paused && pending <= mark / 2 && this.reading) {
      this.paused = false;
      this.socket.resume();
    }
  }

  private trackPeak(): number {
    const pending = this.queuedBytes + this.socket.writableLength;
    if (pending > this.peak) this.peak = pending;
    return pending;
  }

  private writable(): Promise<void> {
    return new Promise((resolve) => (this.drainWaiter = resolve));
  }

  private onDrain(): void {
    this.idle.touch();
    const waiter = this.drainWaiter;
    this.drainWaiter = undefined;
    waiter?.();
    this.updateBackpressure();
  }

  private stopReading(): void {
    this.reading = false;
    this.paused = true;
    this.socket.pause();
  }

  /** No more requests will come: answer what is queued, then close. */
  private finish(): void {
    this.finishing = true;
    this.endIfDone();
  }

  private endIfDone(): void {
    if (this.finishing && !this.pumping && this.queue.length === 0 && !this.isClosed) {
      this.endSocket();
    }
  }

  /**
   * Half-close after the last write, then keep reading (and discarding) so the peer's FIN
   * arrives and the socket closes normally; closing with unread input would send a RST that
   * can destroy our last response in the peer's buffer. A peer that never closes is cut.
   */
  private endSocket(): void {
    if (this.ending) return;
    this.ending = true;
    this.reading = false;
    this.socket.end();
    this.socket.resume();
    setTimeout(() => this.socket.destroy(), FLUSH_BEFORE_CLOSE_MS).unref();
  }

  /** Connection-fatal frame: one log line, stop reading, answer what came before, close. */
  private fail(reason: string): void {
    this.core.logger.warn(`closing connection: ${reason}`, this.fields());
    this.stopReading();
    this.finish();
  }

  /** A handler asked to close after its response (e.g. failed SASL): drop the rest. */
  private closeAfterResponse(reason: string): void {
    this.core.logger.warn(`closing connection: ${reason}`, this.fields());
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.endSocket();
  }

  private onClosed(): void {
    this.isClosed = true;
    this.abort.abort();
    this.idle.stop();
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.drainWaiter?.();
    this.resolveClosed();
  }

  private fields(): Record<string, unknown> {
    return {
      connection: this.id,
      remote: `${this.context.remoteAddress}:${this.context.remotePort}`,
      clientId: this.client.id,
    };
  }
}
