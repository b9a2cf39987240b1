// A TCP proxy in front of a Kafka listener that loses every other Produce response: the 1st,
// 3rd, 5th… Produce answer it sees is dropped and the client's connection closed — the batch
// is stored, the producer never hears so, and kafkajs sends the very same batch again (same
// producer id and sequence when idempotent), whose answer then passes. Everything else passes
// untouched, in order. The listener behind it must advertise the proxy's address, or the
// client would connect to the listener directly after bootstrapping.
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

const PRODUCE = 0;

export class LostAckProxy {
  /** Produce responses dropped so far. */
  dropped = 0;
  private produceResponses = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<LostAckProxy> {
    const holder: { proxy?: LostAckProxy } = {};
    const server = createServer((client) => holder.proxy?.pipe(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new LostAckProxy(server, (server.address() as AddressInfo).port);
    return holder.proxy;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket, target: { host: string; port: number }): void {
    const upstream = connect(target);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    const apiKeys = new Map<number, number>(); // correlation id → api key
    frames(client, (frame) => {
      apiKeys.set(frame.readInt32BE(8), frame.readInt16BE(4)); // size, api key, version, corr id
      upstream.write(frame);
    });
    frames(upstream, (frame) => {
      const correlationId = frame.readInt32BE(4);
      const apiKey = apiKeys.get(correlationId);
      apiKeys.delete(correlationId);
      if (apiKey === PRODUCE && this.produceResponses++ % 2 === 0) {
        this.dropped++;
        client.destroy(); // the answer is lost with the connection
        upstream.destroy();
        return;
      }
      if (!client.destroyed) client.write(frame);
    });
  }
}

/** Calls `onFrame` with each whole frame (size prefix included) read from `socket`. */
function frames(socket: Socket, onFrame: (frame: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4 && buffered.length >= 4 + buffered.readInt32BE(0)) {
      const size = 4 + buffered.readInt32BE(0);
      onFrame(buffered.subarray(0, size));
      buffered = buffered.subarray(size);
    }
  });
}
