import { type HandlerMap } from '../handlers/handler';
import { type ApiName } from '../protocol/api-keys';
import { type WireLogger } from './logger';

/** Options of {@link KafkaServer}. */
export interface KafkaServerOptions {
  /**
   * Address to listen on. Advertise an IPv4 address to clients: librdkafka may resolve
   * `localhost` to `::1` (Tansu README).
   * @default '127.0.0.1'
   */
  host?: string;
  /** TCP port; 0 picks a free one (read it from `server.port` after `listen()`). @default 9092 */
  port?: number;
  /** Request handlers by API key. An API is advertised only when it has a handler. @default {} */
  handlers?: HandlerMap;
  /**
   * SASL/PLAIN users (`{ name: password }`). When set, every connection must authenticate
   * before any request other than ApiVersions/SaslHandshake/SaslAuthenticate.
   * @default undefined (no authentication)
   */
  users?: Readonly<Record<string, string>>;
  /**
   * Largest request frame accepted, checked from the 4-byte size before anything is
   * allocated (Kafka's `socket.request.max.bytes`). A larger frame closes the connection.
   * @default 104857600 (100 MiB)
   */
  maxFrameBytes?: number;
  /** Close connections without traffic for this long (Kafka's `connections.max.idle.ms`). @default 600000 */
  idleTimeoutMs?: number;
  /**
   * Per-connection high-water mark for decoded-but-unhandled requests plus unwritten response
   * bytes; above it the server stops reading that socket until the client catches up.
   * @default 16777216 (16 MiB)
   */
  maxBufferedBytesPerConnection?: number;
  /** Refuse (close) connections beyond this many. @default unlimited */
  maxConnections?: number;
  /** How long `close()` lets in-flight requests finish before cutting connections. @default 5000 */
  closeTimeoutMs?: number;
  /**
   * Cap the advertised max version of some APIs (e.g. to emulate an older broker in tests).
   * Requests at a decodable but unadvertised version get UNSUPPORTED_VERSION.
   * @default {}
   */
  advertisedMaxVersions?: Partial<Record<ApiName, number>>;
  /** Where connection-level events go. @default JSON lines on stderr */
  logger?: WireLogger;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 9092,
  maxFrameBytes: 100 * 1024 * 1024,
  idleTimeoutMs: 10 * 60 * 1000,
  maxBufferedBytesPerConnection: 16 * 1024 * 1024,
  closeTimeoutMs: 5_000,
} as const;
