import { SpsError } from '@shopstream/sps-core';

/**
 * Splits a TCP byte stream into Kafka frames: `int32 size` then `size` bytes
 * (kafka.apache.org/protocol.html#protocol_common). TCP chunks are arbitrary, so a frame may
 * arrive in many chunks and one chunk may hold many frames.
 *
 * Safety: the size is checked against `maxFrameBytes` (Kafka's `socket.request.max.bytes`)
 * as soon as its 4 bytes are in, BEFORE any buffer for the frame is allocated; a frame is
 * only assembled (one allocation of exactly its size) once all its bytes have arrived. So a
 * lying size costs nothing, and memory per connection is bounded by `maxFrameBytes`.
 */
export class FrameDecoder {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the frame being received, or -1 while its size field is incomplete. */
  private expected = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes received but not yet returned as frames. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /**
   * Adds a chunk and returns every frame it completes (payloads, without the size field).
   * Throws `SPS_ERR_MALFORMED` for a negative or oversized size: the connection is unusable.
   */
  push(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < 4) break;
        const size = this.take(4).readInt32BE(0);
        if (size < 0 || size > this.maxFrameBytes) {
          throw new SpsError(
            'SPS_ERR_MALFORMED',
            size < 0
              ? `negative frame size ${size}`
              : `frame size ${size} exceeds the limit of ${this.maxFrameBytes} bytes`,
            { context: { size, maxFrameBytes: this.maxFrameBytes } },
          );
        }
        this.expected = size;
      }
      if (this.buffered < this.expected) break;
      frames.push(this.take(this.expected));
      this.expected = -1;
    }
    return frames;
  }

  /** Removes `n` buffered bytes (n <= buffered): a view when they sit in one chunk. */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const part = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, part);
      filled += part;
      if (part === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(part);
    }
    this.buffered -= n;
    return out;
  }
}
