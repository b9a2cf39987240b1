// A bare TCP client that speaks frames, for server tests that need to misbehave (split
// frames, lie about sizes, never read) or look at exact bytes.
import { connect, type Socket } from 'node:net';
import { type ApiKey } from '../../protocol/api-keys';
import { type RequestOf } from '../../protocol/apis';
import { encodeRequest } from '../../protocol/codec';
import { requestFrame } from '../../protocol/header';

export class RawClient {
  readonly closed: Promise<void>;
  private readonly frames: Buffer[] = [];
  private waiters: Array<() => void> = [];
  private buffered = Buffer.alloc(0);
  private isClosed = false;

  private constructor(readonly socket: Socket) {
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.isClosed = true;
        this.wake();
        resolve();
      }),
    );
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (
        this.buffered.length >= 4 &&
        this.buffered.length >= 4 + this.buffered.readInt32BE(0)
      ) {
        const size = this.buffered.readInt32BE(0);
        this.frames.push(this.buffered.subarray(4, 4 + size));
        this.buffered = this.buffered.subarray(4 + size);
      }
      this.wake();
    });
  }

  static connect(port: number, options: { paused?: boolean } = {}): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' }, () => {
        const client = new RawClient(socket);
        if (options.paused === true) socket.pause();
        resolve(client);
      });
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Sends a request frame (header v1 + body encoded by our codec). */
  send<K extends ApiKey>(
    apiKey: K,
    apiVersion: number,
    correlationId: number,
    request: RequestOf<K>,
    clientId = 'raw',
  ): void {
    this.write(
      requestFrame(
        { apiKey, apiVersion, correlationId, clientId },
        encodeRequest(apiKey, apiVersion, request),
      ),
    );
  }

  /** The next response (correlation id and body), or throws after `timeoutMs` / on close. */
  async next(timeoutMs = 2000): Promise<{ correlationId: number; body: Buffer }> {
    const frame = await this.nextFrame(timeoutMs);
    return { correlationId: frame.readInt32BE(0), body: frame.subarray(4) };
  }

  /** The next frame's payload (without its size), e.g. a raw SASL token. */
  async nextFrame(timeoutMs = 2000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.isClosed) throw new Error('connection closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.frames.shift()!;
  }

  /** Resolves true if the server closes the connection within `timeoutMs`. */
  async closesWithin(timeoutMs: number): Promise<boolean> {
    return Promise.race([this.closed.then(() => true), sleep(timeoutMs).then(() => false)]);
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until true or throws after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs = 3000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
