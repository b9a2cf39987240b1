// kafkajs errors in SPS terms, built the way kafkajs builds them (protocol errors from its
// error table, wrapped by its retrier, aggregated by CreateTopics / DeleteGroups).
import { isRetriable, SpsError } from '@shopstream/sps-core';
import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSDeleteGroupsError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { BY_KAFKA_TYPE, isRejoinError, kafkaErrorType, toSpsError } from './kafka-errors';

/** A protocol error as kafkajs creates it from the broker's error code. */
const protocolError = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError({ type, code: 0, retriable, message: `broker said ${type}` } as never);

describe('kafka errors', () => {
  it('maps broker error types to SPS codes, keeping kafkajs retriable flag and the cause', () => {
    const original = protocolError('UNKNOWN_TOPIC_OR_PARTITION', true);
    const mapped = toSpsError(original, { stream: 'orders' }) as SpsError;
    expect(mapped).toBeInstanceOf(SpsError);
    expect(mapped).toMatchObject({
      code: 'SPS_ERR_UNKNOWN_STREAM',
      retriable: true, // kafkajs' flag, although the catalog says false for this code
      context: { stream: 'orders', kafkaError: 'UNKNOWN_TOPIC_OR_PARTITION' },
      message: 'broker said UNKNOWN_TOPIC_OR_PARTITION',
    });
    expect(mapped.cause).toBe(original);
    for (const [type, code] of [
      ['TOPIC_ALREADY_EXISTS', 'SPS_ERR_STREAM_EXISTS'],
      ['NON_EMPTY_GROUP', 'SPS_ERR_GROUP_NOT_EMPTY'],
      ['GROUP_ID_NOT_FOUND', 'SPS_ERR_UNKNOWN_GROUP'],
      ['INVALID_SESSION_TIMEOUT', 'SPS_ERR_INVALID_SESSION_TIMEOUT'],
      ['OFFSET_OUT_OF_RANGE', 'SPS_ERR_INDEX_OUT_OF_RANGE'],
      ['REBALANCE_IN_PROGRESS', 'SPS_ERR_REBALANCE_IN_PROGRESS'],
    ] as const) {
      expect(BY_KAFKA_TYPE[type]).toBe(code);
      expect(toSpsError(protocolError(type, false))).toMatchObject({ code, retriable: false });
    }
  });

  it('looks through kafkajs retrier wrappers and aggregates', () => {
    const inner = protocolError('INVALID_PARTITIONS', false);
    const retried = new KafkaJSNumberOfRetriesExceeded(inner, { retryCount: 5, retryTime: 100 });
    expect(toSpsError(retried)).toMatchObject({ code: 'SPS_ERR_INVALID_PARTITIONS' });
    const aggregate = new KafkaJSAggregateError('create failed', [
      protocolError('INVALID_TOPIC_EXCEPTION', false),
    ]);
    expect(toSpsError(aggregate)).toMatchObject({ code: 'SPS_ERR_INVALID_STREAM_NAME' });
    const deleteGroups = new KafkaJSDeleteGroupsError('delete failed', [
      { groupId: 'mailer', errorCode: 68, error: protocolError('NON_EMPTY_GROUP', false) },
    ] as never);
    expect(toSpsError(deleteGroups)).toMatchObject({ code: 'SPS_ERR_GROUP_NOT_EMPTY' });
  });

  it('returns an SpsError thrown from inside kafkajs (the partitioner) as it is', () => {
    const ours = new SpsError('SPS_ERR_UNKNOWN_PARTITION', 'stream "orders" has no partition 9');
    const wrapped = Object.assign(new KafkaJSNonRetriableError(ours), { cause: ours });
    expect(toSpsError(wrapped)).toBe(ours);
  });

  it('turns connection failures into SPS_ERR_TIMEOUT and refused credentials into SPS_ERR_INVALID_ARGUMENT', () => {
    const refused = new KafkaJSConnectionError('Connection error: ECONNREFUSED', {
      broker: '127.0.0.1:1',
      code: 'ECONNREFUSED',
    });
    expect(toSpsError(refused)).toMatchObject({ code: 'SPS_ERR_TIMEOUT', retriable: true });
    const sasl = new (KafkaJSSASLAuthenticationError as unknown as new (m: string) => Error)(
      'SASL PLAIN authentication failed',
    );
    expect(toSpsError(sasl)).toMatchObject({ code: 'SPS_ERR_INVALID_ARGUMENT', retriable: false });
  });

  it('leaves errors without an SPS meaning unchanged: they keep kafkajs retriable flag', () => {
    const other = new KafkaJSError('something kafkajs-specific', { retriable: true });
    expect(toSpsError(other)).toBe(other);
    expect(isRetriable(toSpsError(other))).toBe(true);
    const plain = new Error('boom');
    expect(toSpsError(plain)).toBe(plain);
  });

  it('tells the answers that mean "join again"', () => {
    for (const type of [
      'REBALANCE_IN_PROGRESS',
      'ILLEGAL_GENERATION',
      'NOT_COORDINATOR_FOR_GROUP',
      'UNKNOWN_MEMBER_ID',
    ]) {
      const inner = protocolError(type, false);
      expect(
        isRejoinError(Object.assign(new KafkaJSNonRetriableError(inner), { cause: inner })),
      ).toBe(true);
    }
    expect(isRejoinError(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true))).toBe(false);
    expect(kafkaErrorType(new Error('x'))).toBeUndefined();
  });
});
