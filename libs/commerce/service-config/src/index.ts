// @shopstream/commerce-service-config: what every shop service reads from its environment and
// how it connects to SPS, in one place, so the seven services agree on keys and defaults.
export {
  LOG_LEVELS,
  baseEnvShape,
  loadConfigOrExit,
  postgresUrl,
  serviceEnvSchema,
  type ServiceEnv,
} from './config/service-env';
export {
  kafkaConnection,
  saslPair,
  spsConnectOptions,
  spsEnvShape,
  type KafkaConnection,
  type SpsEnv,
} from './sps/sps-env';
export {
  ORDERS_STREAM_PARTITIONS,
  ensureOrdersStream,
  type EnsureOutcome,
} from './sps/orders-stream';
export {
  CommerceSpsModule,
  STREAM_HEALTH_TIMEOUT_MS,
  type CommerceSpsOptions,
} from './sps/commerce-sps.module';
export { exitOnShutdownSignal } from './shutdown/graceful-exit';
export { TimeoutError, withTimeout } from './support/with-timeout';
