// @shopstream/sps-client: producers, consumer groups, readers, admin, dead letters, inbox and
// trace propagation in SPS terms, on a pluggable driver (`embedded` now, `kafka` next).
export { connect, type ConnectOptions } from './connect';
export { SpsClient } from './sps-client';
export { type DriverName, type DriverOptions } from './drivers/driver-registry';
export { type EmbeddedDriverOptions } from './drivers/embedded/embedded-options';
export { type KafkaDriverOptions } from './drivers/kafka/kafka-options';

export {
  SpsProducer,
  type OutgoingRecord,
  type ProducedRecord,
  type ProducerOptions,
} from './producer/sps-producer';
export { SpsConsumer } from './consumer/sps-consumer';
export { SpsReader } from './reader/sps-reader';
export {
  type ConsumeFrom,
  type ConsumerOptions,
  type DeadLetterOptions,
  type DeliveryOptions,
  type ReadFrom,
  type ReaderOptions,
} from './consumer/consumer-options';
export { SpsAdmin, type GroupDescription, type StreamDescription } from './admin/sps-admin';

export {
  headerValue,
  type MessageHandler,
  type SpsContext,
  type SpsMessage,
} from './runtime/sps-message';
export {
  type ConsumerEventListener,
  type ConsumerEventMap,
  type ConsumerEventName,
} from './runtime/consumer-events';
export { DEFAULT_RETRY_POLICY, backoffDelay, type RetryPolicy } from './runtime/retry-policy';
export { DEFAULT_COMMIT_OPTIONS, type CommitOptions } from './runtime/commit-tracker';

export {
  DLQ_HEADERS,
  DLQ_HEADER_PREFIX,
  deadLetterSource,
  deadLetterStreamOf,
  stripDeadLetterHeaders,
} from './dead-letter/dead-letter-headers';
export { type RedriveOptions, type RedriveResult } from './dead-letter/redrive';

export {
  TRACEPARENT_HEADER,
  childTraceparent,
  currentTraceparent,
  newRootTraceparent,
  parseTraceparent,
  withTraceparent,
  type TraceContext,
} from './trace/traceparent';

export {
  EVENT_ID_HEADER,
  eventIdOf,
  type Inbox,
  type InboxDetails,
  type InboxOutcome,
} from './inbox/inbox';
export { MemoryInbox } from './inbox/memory-inbox';
export {
  PrismaInbox,
  type PrismaInboxClient,
  type PrismaInboxOptions,
  type PrismaInboxTransaction,
} from './inbox/prisma-inbox';
