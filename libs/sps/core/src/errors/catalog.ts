/**
 * Every error SPS raises, by stable code. This table is the single source of truth: the
 * `retriable` flag drives retry and dead-letter decisions (never the message text), and
 * libs/sps/core/README.md documents each code (a test keeps the two in step).
 *
 * Codes are stable: never rename or reuse one; add new ones at the end of their group.
 */
export const SPS_ERROR_CATALOG = {
  // Input the caller can fix.
  SPS_ERR_INVALID_ARGUMENT: {
    retriable: false,
    description: 'An argument is out of range or of the wrong shape; the message names it.',
  },
  SPS_ERR_INVALID_STREAM_NAME: {
    retriable: false,
    description: "A stream name breaks Kafka's naming rules (characters, length, '.' or '..').",
  },
  SPS_ERR_INVALID_PARTITIONS: {
    retriable: false,
    description:
      'A partition count is not a positive integer, or a partition number is out of range.',
  },
  SPS_ERR_PARTITIONS_CANNOT_SHRINK: {
    retriable: false,
    description: 'Partitions can be added to a stream, never removed (as on Kafka).',
  },
  SPS_ERR_STREAM_EXISTS: {
    retriable: false,
    description: 'A stream with this name already exists.',
  },
  SPS_ERR_UNKNOWN_STREAM: {
    retriable: false,
    description: 'No stream with this name exists (and it was not auto-created).',
  },
  SPS_ERR_UNKNOWN_PARTITION: {
    retriable: false,
    description: 'The stream exists but has no partition with this number.',
  },
  SPS_ERR_INDEX_OUT_OF_RANGE: {
    retriable: false,
    description:
      'The index is below the log start index (removed by TTL, size limit or deletion) or above the high watermark.',
  },
  // Records and their encoding.
  SPS_ERR_MALFORMED: {
    retriable: false,
    description:
      'Bytes do not decode: truncated input, a length beyond the bytes left, a bad varint.',
  },
  SPS_ERR_CORRUPT_BATCH: {
    retriable: false,
    description:
      'A record batch fails validation: wrong magic byte, inconsistent length or record count, or CRC32C mismatch.',
  },
  SPS_ERR_UNSUPPORTED_COMPRESSION: {
    retriable: false,
    description:
      'The batch uses a compression codec SPS cannot decode (snappy, lz4, zstd are stored and served untouched, but not decoded).',
  },
  SPS_ERR_BATCH_TOO_LARGE: {
    retriable: false,
    description: "A record batch is larger than the stream's max batch size (`max.message.bytes`).",
  },
  // Idempotent producer.
  SPS_ERR_OUT_OF_ORDER_SEQUENCE: {
    retriable: false,
    description: "A producer's batch sequence skips ahead of the last one stored (a lost batch).",
  },
  SPS_ERR_INVALID_PRODUCER_EPOCH: {
    retriable: false,
    description:
      'A producer epoch is older than the one the partition has seen (a fenced producer).',
  },
  // Storage and engine state.
  SPS_ERR_STORAGE: {
    retriable: true,
    description: 'A storage operation failed (I/O error); nothing was acknowledged.',
  },
  SPS_ERR_PARTITION_FAILED: {
    retriable: false,
    description:
      'The partition is failed and serves nothing: an fsync failed, or recovery found corruption in the middle of its log. The reason is in the context.',
  },
  SPS_ERR_ENGINE_CLOSED: {
    retriable: false,
    description: 'The engine (or client) is closed or closing.',
  },
  SPS_ERR_TIMEOUT: {
    retriable: true,
    description: 'An operation did not complete within its deadline.',
  },
  // Consumer groups (the coordinator).
  SPS_ERR_UNKNOWN_GROUP: {
    retriable: false,
    description: 'No consumer group with this id exists.',
  },
  SPS_ERR_GROUP_NOT_EMPTY: {
    retriable: false,
    description:
      'The operation needs an empty group (delete, reset indexes) but the group has members.',
  },
  SPS_ERR_UNKNOWN_MEMBER: {
    retriable: false,
    description: 'The member id is not (or no longer) part of the group: it must join again.',
  },
  SPS_ERR_MEMBER_ID_REQUIRED: {
    retriable: true,
    description: 'First join of a new member: rejoin with the member id given in the context.',
  },
  SPS_ERR_ILLEGAL_GENERATION: {
    retriable: false,
    description: "The member's generation is not the group's current one: it must join again.",
  },
  SPS_ERR_REBALANCE_IN_PROGRESS: {
    retriable: true,
    description: 'The group is rebalancing: rejoin, then retry.',
  },
  SPS_ERR_INVALID_SESSION_TIMEOUT: {
    retriable: false,
    description: 'The session timeout is outside the coordinator’s allowed range.',
  },
  SPS_ERR_INCONSISTENT_GROUP_PROTOCOL: {
    retriable: false,
    description:
      'The member’s protocol type or assignors share nothing with the group’s current members.',
  },
} as const satisfies Record<string, { retriable: boolean; description: string }>;

/** A stable SPS error code, e.g. `SPS_ERR_UNKNOWN_STREAM`. */
export type SpsErrorCode = keyof typeof SPS_ERROR_CATALOG;
