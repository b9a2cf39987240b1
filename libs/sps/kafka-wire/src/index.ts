// @shopstream/sps-kafka-wire — the Kafka wire protocol layer of SPS: codecs for every API and
// version SPS serves, the error table, and the TCP server framework the engine handlers plug
// into. See DESIGN.md for the file map and the connection model.

// Protocol: API keys, message types, codecs, errors, advertised versions.
export * from './protocol/api-keys';
export * from './protocol/apis';
export { type ApiCodec, type VersionCodec } from './protocol/api-codec';
export { decodeRequest, decodeResponse, encodeRequest, encodeResponse } from './protocol/codec';
export * from './protocol/error-codes';
export * from './protocol/kafka-error-for';
export * from './protocol/supported-versions';
export {
  type RequestHeader,
  readRequestHeader,
  readResponseHeader,
  requestFrame,
  responseFrame,
} from './protocol/header';
export { KafkaReader } from './protocol/kafka-reader';
export { KafkaWriter } from './protocol/kafka-writer';

// Handlers: the seam for the engine, and the engine-backed handlers of every API.
export * from './handlers/handler';
export { HandlerRegistry } from './handlers/registry';
export { createEngineHandlers } from './handlers/engine-handlers';
export {
  type BrokerNode,
  ENGINE_TOPIC_DEFAULTS,
  type EngineHandlerOptions,
} from './handlers/engine-handler-options';

// The broker: engine + server in one call (apps/broker, tests).
export { type Broker, type BrokerOptions, startBroker } from './broker/start-broker';

// Server.
export { KafkaServer } from './server/kafka-server';
export { type KafkaServerOptions } from './server/options';
export { type ConnectionStats } from './server/connection';
export { jsonLinesLogger, type LogLevel, silentLogger, type WireLogger } from './server/logger';
export { type SaslSession, type SaslState } from './server/sasl-session';
