/**
 * The Kafka-protocol TCP server: accepts connections, hands each to a {@link Connection}
 * (framing, ordering, backpressure, SASL), and serves requests through the handler registry.
 * The engine-facing handlers plug in by API key; ApiVersions and (with users) SaslHandshake /
 * SaslAuthenticate are built in.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SpsError } from '@shopstream/sps-core';
import { createApiVersionsHandler } from '../handlers/18-api-versions';
import { createSaslHandshakeHandler } from '../handlers/17-sasl-handshake';
import { createSaslAuthenticateHandler } from '../handlers/36-sasl-authenticate';
import { type HandlerFor } from '../handlers/handler';
import { HandlerRegistry } from '../handlers/registry';
import { ApiKey } from '../protocol/api-keys';
import { type ApiVersionRange } from '../protocol/apis';
import { SUPPORTED_VERSIONS } from '../protocol/supported-versions';
import { Connection, type ConnectionStats } from './connection';
import { jsonLinesLogger, type WireLogger } from './logger';
import { DEFAULTS, type KafkaServerOptions } from './options';
import { type ConnectionLimits, type ServerCore } from './server-core';

/**
 * @example
 * const server = new KafkaServer({ port: 0, handlers: { [ApiKey.Metadata]: metadata } });
 * const { port } = await server.listen();
 * // ... kafkajs / kcat talk to 127.0.0.1:port ...
 * await server.close();
 */
export class KafkaServer implements ServerCore {
  readonly limits: ConnectionLimits;
  readonly logger: WireLogger;
  readonly registry: HandlerRegistry;
  readonly users: Readonly<Record<string, string>> | null;
  private readonly options: KafkaServerOptions;
  private readonly net: Server;
  private readonly connections = new Set<Connection>();
  private nextConnectionId = 1;
  private closing: Promise<void> | undefined;

  constructor(options: KafkaServerOptions = {}) {
    this.options = options;
    this.logger = options.logger ?? jsonLinesLogger();
    this.users = options.users ?? null;
    this.limits = {
      maxFrameBytes: positive(options.maxFrameBytes ?? DEFAULTS.maxFrameBytes, 'maxFrameBytes'),
      idleTimeoutMs: positive(options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs, 'idleTimeoutMs'),
      maxBufferedBytes: positive(
        options.maxBufferedBytesPerConnection ?? DEFAULTS.maxBufferedBytesPerConnection,
        'maxBufferedBytesPerConnection',
      ),
    };
    this.registry = new HandlerRegistry(options.handlers);
    this.registry.register(
      ApiKey.ApiVersions,
      createApiVersionsHandler(() => this.advertised()),
    );
    if (this.users !== null) {
      this.registry.register(ApiKey.SaslHandshake, createSaslHandshakeHandler());
      this.registry.register(ApiKey.SaslAuthenticate, createSaslAuthenticateHandler(this.users));
    }
    // allowHalfOpen: a client that half-closes after sending still gets its answers.
    this.net = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
  }

  /** Registers (or replaces) the handler of an API key; it is advertised from then on. */
  register<K extends ApiKey>(key: K, handler: HandlerFor<K>): this {
    this.registry.register(key, handler);
    return this;
  }

  /** Starts listening; resolves with the bound address (port 0 → the chosen port). */
  listen(): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.net.once('error', reject);
      this.net.listen(
        this.options.port ?? DEFAULTS.port,
        this.options.host ?? DEFAULTS.host,
        () => {
          this.net.off('error', reject);
          const address = this.net.address() as AddressInfo;
          this.logger.info('listening', { host: address.address, port: address.port });
          resolve(address);
        },
      );
    });
  }

  /** The bound port (after `listen()`). */
  get port(): number {
    const address = this.net.address();
    if (address === null || typeof address === 'string') {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'the server is not listening');
    }
    return address.port;
  }

  /** Buffer statistics of every open connection. */
  connectionStats(): ConnectionStats[] {
    return [...this.connections].map((c) => c.stats());
  }

  /**
   * Graceful stop: accept nothing new, let every connection finish the requests it already
   * received (parked handlers see `ctx.signal` aborted), then close; connections still busy
   * after `closeTimeoutMs` are cut.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  advertised(): ApiVersionRange[] {
    return SUPPORTED_VERSIONS.flatMap((row) => {
      const range = this.servedRange(row.apiKey);
      return range === undefined ? [] : [range];
    });
  }

  servedRange(apiKey: number): ApiVersionRange | undefined {
    const row = SUPPORTED_VERSIONS.find((r) => r.apiKey === apiKey);
    if (row === undefined || !this.registry.has(apiKey)) return undefined;
    const cap = this.options.advertisedMaxVersions?.[row.name];
    const maxVersion = cap === undefined ? row.maxVersion : Math.min(cap, row.maxVersion);
    return { apiKey: row.apiKey, minVersion: row.minVersion, maxVersion };
  }

  private accept(socket: Socket): void {
    const max = this.options.maxConnections;
    if (this.closing !== undefined || (max !== undefined && this.connections.size >= max)) {
      this.logger.warn('refusing connection', {
        remote: `${socket.remoteAddress}:${socket.remotePort}`,
        reason: this.closing !== undefined ? 'server closing' : `maxConnections ${max} reached`,
      });
      socket.destroy();
      return;
    }
    const connection = new Connection(socket, this.nextConnectionId++, this);
    this.connections.add(connection);
    void connection.closed.then(() => this.connections.delete(connection));
  }

  private async shutdown(): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.net.close(() => resolve()));
    const timeoutMs = this.options.closeTimeoutMs ?? DEFAULTS.closeTimeoutMs;
    const all = Promise.all([...this.connections].map((c) => c.shutdown()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    if ((await Promise.race([all, deadline])) === 'timeout') {
      this.logger.warn('close deadline reached, cutting connections', {
        open: this.connections.size,
      });
      for (const c of this.connections) c.destroy();
      await all;
    }
    clearTimeout(timer);
    await stopped;
    this.logger.info('closed');
  }
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new SpsError(
      'SPS_ERR_INVALID_ARGUMENT',
      `${name} must be a positive number, got ${value}`,
    );
  }
  return value;
}
