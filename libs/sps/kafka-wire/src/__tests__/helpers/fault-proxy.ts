// A TCP proxy between a Kafka client and the broker that can lose or delay chosen RESPONSES
// (the request already reached the broker, so it was applied): exactly the situation in which
// a client retries a request the broker already stored. The broker must advertise the
// proxy's port, or the client would connect to the broker directly after bootstrapping.
import { createServer, type AddressInfo, connect, type Server, type Socket } from 'node:net';

/** What happens to one response. */
export type Fault = 'pass' | 'drop-and-close' | { delayMs: number };

export interface ResponseInfo {
  apiKey: number;
  correlationId: number;
  /** 1-based count of responses of this API key seen by the proxy so far. */
  nth: number;
}

export class FaultProxy {
  readonly faults: Array<ResponseInfo & { fault: Fault }> = [];
  private readonly sockets = new Set<Socket>();
  private readonly seen = new Map<number, number>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on a free port; `target()` is read per connection (the broker may start later). */
  static async start(
    target: () => { host: string; port: number },
    decide: (response: ResponseInfo) => Fault,
  ): Promise<FaultProxy> {
    const holder: { proxy?: FaultProxy } = {};
    const server = createServer((client) => holder.proxy?.pipe(client, target(), decide));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new FaultProxy(server, (server.address() as AddressInfo).port);
    return holder.proxy;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(
    client: Socket,
    target: { host: string; port: number },
    decide: (r: ResponseInfo) => Fault,
  ): void {
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
      apiKeys.set(frame.readInt32BE(8), frame.readInt16BE(4));
      upstream.write(frame);
    });
    // Responses leave in order: a delayed one holds back the ones behind it, as a slow
    // network would (Kafka clients rely on per-connection order).
    let chain = Promise.resolve();
    frames(upstream, (frame) => {
      const correlationId = frame.readInt32BE(4);
      const apiKey = apiKeys.get(correlationId) ?? -1;
      apiKeys.delete(correlationId);
      const nth = (this.seen.get(apiKey) ?? 0) + 1;
      this.seen.set(apiKey, nth);
      const fault = decide({ apiKey, correlationId, nth });
      if (fault !== 'pass') this.faults.push({ apiKey, correlationId, nth, fault });
      chain = chain.then(async () => {
        if (fault === 'drop-and-close') {
          client.destroy();
          upstream.destroy();
          return;
        }
        if (fault !== 'pass') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (!client.destroyed) client.write(frame);
      });
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
