/**
 * Kafka protocol error codes: the one table the wire layer uses (STYLE rule 5; like kafkajs
 * `src/protocol/error.js` and franz-go `pkg/kerr`). Names are Kafka's (`Errors.java`), the
 * `retriable` flag is kafkajs 2.2.4's, because kafkajs is the client whose retry loop reads it
 * (e.g. REBALANCE_IN_PROGRESS is not retriable there: the consumer rejoins instead).
 *
 * Protocol errors are data: they go into the response. Only connection-fatal conditions (a
 * frame we cannot parse, an oversized request) close the socket.
 */
export const KAFKA_ERRORS = [
  {
    code: -1,
    name: 'UNKNOWN_SERVER_ERROR',
    retriable: false,
    description: 'The server experienced an unexpected error when processing the request.',
  },
  { code: 0, name: 'NONE', retriable: false, description: 'No error.' },
  {
    code: 1,
    name: 'OFFSET_OUT_OF_RANGE',
    retriable: false,
    description:
      'The requested offset is not within the range of offsets maintained by the server.',
  },
  {
    code: 2,
    name: 'CORRUPT_MESSAGE',
    retriable: true,
    description:
      'This message has failed its CRC checksum, exceeds the valid size, has a null key for a compacted topic, or is otherwise corrupt.',
  },
  {
    code: 3,
    name: 'UNKNOWN_TOPIC_OR_PARTITION',
    retriable: true,
    description: 'This server does not host this topic-partition.',
  },
  {
    code: 4,
    name: 'INVALID_FETCH_SIZE',
    retriable: false,
    description: 'The requested fetch size is invalid.',
  },
  {
    code: 5,
    name: 'LEADER_NOT_AVAILABLE',
    retriable: true,
    description:
      'There is no leader for this topic-partition as we are in the middle of a leadership election.',
  },
  {
    code: 6,
    name: 'NOT_LEADER_OR_FOLLOWER',
    retriable: true,
    description:
      'For requests intended only for the leader, this error indicates that the broker is not the current leader.',
  },
  { code: 7, name: 'REQUEST_TIMED_OUT', retriable: true, description: 'The request timed out.' },
  {
    code: 8,
    name: 'BROKER_NOT_AVAILABLE',
    retriable: false,
    description: 'The broker is not available.',
  },
  {
    code: 10,
    name: 'MESSAGE_TOO_LARGE',
    retriable: false,
    description:
      'The request included a message larger than the max message size the server will accept.',
  },
  {
    code: 12,
    name: 'OFFSET_METADATA_TOO_LARGE',
    retriable: false,
    description: 'The metadata field of the offset request was too large.',
  },
  {
    code: 13,
    name: 'NETWORK_EXCEPTION',
    retriable: true,
    description: 'The server disconnected before a response was received.',
  },
  {
    code: 14,
    name: 'COORDINATOR_LOAD_IN_PROGRESS',
    retriable: true,
    description: "The coordinator is loading and hence can't process requests.",
  },
  {
    code: 15,
    name: 'COORDINATOR_NOT_AVAILABLE',
    retriable: true,
    description: 'The coordinator is not available.',
  },
  {
    code: 16,
    name: 'NOT_COORDINATOR',
    retriable: true,
    description: 'This is not the correct coordinator.',
  },
  {
    code: 17,
    name: 'INVALID_TOPIC_EXCEPTION',
    retriable: false,
    description: 'The request attempted to perform an operation on an invalid topic.',
  },
  {
    code: 18,
    name: 'RECORD_LIST_TOO_LARGE',
    retriable: false,
    description:
      'The request included message batch larger than the configured segment size on the server.',
  },
  {
    code: 21,
    name: 'INVALID_REQUIRED_ACKS',
    retriable: false,
    description: 'Produce request specified an invalid value for required acks.',
  },
  {
    code: 22,
    name: 'ILLEGAL_GENERATION',
    retriable: false,
    description: 'Specified group generation id is not valid.',
  },
  {
    code: 23,
    name: 'INCONSISTENT_GROUP_PROTOCOL',
    retriable: false,
    description:
      "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list.",
  },
  {
    code: 24,
    name: 'INVALID_GROUP_ID',
    retriable: false,
    description: 'The configured groupId is invalid.',
  },
  {
    code: 25,
    name: 'UNKNOWN_MEMBER_ID',
    retriable: false,
    description: 'The coordinator is not aware of this member.',
  },
  {
    code: 26,
    name: 'INVALID_SESSION_TIMEOUT',
    retriable: false,
    description:
      'The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).',
  },
  {
    code: 27,
    name: 'REBALANCE_IN_PROGRESS',
    retriable: false,
    description: 'The group is rebalancing, so a rejoin is needed.',
  },
  {
    code: 28,
    name: 'INVALID_COMMIT_OFFSET_SIZE',
    retriable: false,
    description: 'The committing offset data size is not valid.',
  },
  {
    code: 29,
    name: 'TOPIC_AUTHORIZATION_FAILED',
    retriable: false,
    description: 'Topic authorization failed.',
  },
  {
    code: 30,
    name: 'GROUP_AUTHORIZATION_FAILED',
    retriable: false,
    description: 'Group authorization failed.',
  },
  {
    code: 31,
    name: 'CLUSTER_AUTHORIZATION_FAILED',
    retriable: false,
    description: 'Cluster authorization failed.',
  },
  {
    code: 32,
    name: 'INVALID_TIMESTAMP',
    retriable: false,
    description: 'The timestamp of the message is out of acceptable range.',
  },
  {
    code: 33,
    name: 'UNSUPPORTED_SASL_MECHANISM',
    retriable: false,
    description: 'The broker does not support the requested SASL mechanism.',
  },
  {
    code: 34,
    name: 'ILLEGAL_SASL_STATE',
    retriable: false,
    description: 'Request is not valid given the current SASL state.',
  },
  {
    code: 35,
    name: 'UNSUPPORTED_VERSION',
    retriable: false,
    description: 'The version of API is not supported.',
  },
  {
    code: 36,
    name: 'TOPIC_ALREADY_EXISTS',
    retriable: false,
    description: 'Topic with this name already exists.',
  },
  {
    code: 37,
    name: 'INVALID_PARTITIONS',
    retriable: false,
    description: 'Number of partitions is below 1.',
  },
  {
    code: 38,
    name: 'INVALID_REPLICATION_FACTOR',
    retriable: false,
    description: 'Replication factor is below 1 or larger than the number of available brokers.',
  },
  {
    code: 39,
    name: 'INVALID_REPLICA_ASSIGNMENT',
    retriable: false,
    description: 'Replica assignment is invalid.',
  },
  { code: 40, name: 'INVALID_CONFIG', retriable: false, description: 'Configuration is invalid.' },
  {
    code: 41,
    name: 'NOT_CONTROLLER',
    retriable: true,
    description: 'This is not the correct controller for this cluster.',
  },
  {
    code: 42,
    name: 'INVALID_REQUEST',
    retriable: false,
    description:
      'This most likely occurs because of a request being malformed by the client library or the message was sent to an incompatible broker. See the broker logs for more details.',
  },
  {
    code: 43,
    name: 'UNSUPPORTED_FOR_MESSAGE_FORMAT',
    retriable: false,
    description: 'The message format version on the broker does not support the request.',
  },
  {
    code: 44,
    name: 'POLICY_VIOLATION',
    retriable: false,
    description: 'Request parameters do not satisfy the configured policy.',
  },
  {
    code: 45,
    name: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
    retriable: false,
    description: 'The broker received an out of order sequence number.',
  },
  {
    code: 46,
    name: 'DUPLICATE_SEQUENCE_NUMBER',
    retriable: false,
    description: 'The broker received a duplicate sequence number.',
  },
  {
    code: 47,
    name: 'INVALID_PRODUCER_EPOCH',
    retriable: false,
    description: 'Producer attempted to produce with an old epoch.',
  },
  {
    code: 48,
    name: 'INVALID_TXN_STATE',
    retriable: false,
    description: 'The producer attempted a transactional operation in an invalid state.',
  },
  {
    code: 49,
    name: 'INVALID_PRODUCER_ID_MAPPING',
    retriable: false,
    description:
      'The producer attempted to use a producer id which is not currently assigned to its transactional id.',
  },
  {
    code: 50,
    name: 'INVALID_TRANSACTION_TIMEOUT',
    retriable: false,
    description:
      'The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms).',
  },
  {
    code: 53,
    name: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
    retriable: false,
    description: 'Transactional Id authorization failed.',
  },
  {
    code: 54,
    name: 'SECURITY_DISABLED',
    retriable: false,
    description: 'Security features are disabled.',
  },
  {
    code: 56,
    name: 'KAFKA_STORAGE_ERROR',
    retriable: true,
    description: 'Disk error when trying to access log file on the disk.',
  },
  {
    code: 58,
    name: 'SASL_AUTHENTICATION_FAILED',
    retriable: false,
    description: 'SASL Authentication failed.',
  },
  {
    code: 59,
    name: 'UNKNOWN_PRODUCER_ID',
    retriable: false,
    description:
      'This exception is raised by the broker if it could not locate the producer metadata associated with the producerId in question.',
  },
  { code: 68, name: 'NON_EMPTY_GROUP', retriable: false, description: 'The group is not empty.' },
  {
    code: 69,
    name: 'GROUP_ID_NOT_FOUND',
    retriable: false,
    description: 'The group id does not exist.',
  },
  {
    code: 70,
    name: 'FETCH_SESSION_ID_NOT_FOUND',
    retriable: true,
    description: 'The fetch session ID was not found.',
  },
  {
    code: 71,
    name: 'INVALID_FETCH_SESSION_EPOCH',
    retriable: true,
    description: 'The fetch session epoch is invalid.',
  },
  {
    code: 73,
    name: 'TOPIC_DELETION_DISABLED',
    retriable: false,
    description: 'Topic deletion is disabled.',
  },
  {
    code: 74,
    name: 'FENCED_LEADER_EPOCH',
    retriable: true,
    description: 'The leader epoch in the request is older than the epoch on the broker.',
  },
  {
    code: 75,
    name: 'UNKNOWN_LEADER_EPOCH',
    retriable: true,
    description: 'The leader epoch in the request is newer than the epoch on the broker.',
  },
  {
    code: 76,
    name: 'UNSUPPORTED_COMPRESSION_TYPE',
    retriable: false,
    description: 'The requesting client does not support the compression type of given partition.',
  },
  {
    code: 78,
    name: 'OFFSET_NOT_AVAILABLE',
    retriable: true,
    description:
      'The leader high watermark has not caught up from a recent leader election so the offsets cannot be guaranteed to be monotonically increasing.',
  },
  {
    code: 79,
    name: 'MEMBER_ID_REQUIRED',
    retriable: false,
    description:
      'The group member needs to have a valid member id before actually entering a consumer group.',
  },
  {
    code: 81,
    name: 'GROUP_MAX_SIZE_REACHED',
    retriable: false,
    description: 'The consumer group has reached its max size.',
  },
  {
    code: 82,
    name: 'FENCED_INSTANCE_ID',
    retriable: false,
    description:
      'The broker rejected this static consumer since another consumer with the same group.instance.id has registered with a different member.id.',
  },
  {
    code: 87,
    name: 'INVALID_RECORD',
    retriable: false,
    description: 'This record has failed the validation on broker and hence will be rejected.',
  },
  {
    code: 88,
    name: 'UNSTABLE_OFFSET_COMMIT',
    retriable: true,
    description: 'There are unstable offsets that need to be cleared.',
  },
] as const satisfies ReadonlyArray<{
  code: number;
  name: string;
  retriable: boolean;
  description: string;
}>;

/** One row of {@link KAFKA_ERRORS}. */
export type KafkaErrorInfo = (typeof KAFKA_ERRORS)[number];
/** A Kafka error name, e.g. `UNKNOWN_TOPIC_OR_PARTITION`. */
export type KafkaErrorName = KafkaErrorInfo['name'];

/** Error codes by name, derived from the table: `KafkaError.UNSUPPORTED_VERSION === 35`. */
export const KafkaError = Object.fromEntries(KAFKA_ERRORS.map((e) => [e.name, e.code])) as {
  readonly [N in KafkaErrorName]: Extract<KafkaErrorInfo, { name: N }>['code'];
};

const BY_CODE = new Map<number, KafkaErrorInfo>(KAFKA_ERRORS.map((e) => [e.code, e]));

/** The table row of `code`, or undefined for a code the table does not list. */
export function kafkaErrorInfo(code: number): KafkaErrorInfo | undefined {
  return BY_CODE.get(code);
}
