import { SPS_ERROR_CATALOG, SpsError, type SpsErrorCode } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { KAFKA_ERRORS, KafkaError, kafkaErrorInfo } from './error-codes';
import { kafkaErrorFor, SPS_TO_KAFKA_ERROR } from './kafka-error-for';

/* eslint-disable @typescript-eslint/no-require-imports */
const kafkajsErrors = (
  require('kafkajs/src/protocol/error') as {
    errorCodes: Array<{ code: number; type: string; retriable: boolean }>;
  }
).errorCodes;

describe('the Kafka error table', () => {
  it('has unique codes and names', () => {
    expect(new Set(KAFKA_ERRORS.map((e) => e.code)).size).toBe(KAFKA_ERRORS.length);
    expect(new Set(KAFKA_ERRORS.map((e) => e.name)).size).toBe(KAFKA_ERRORS.length);
    expect(KafkaError.UNSUPPORTED_VERSION).toBe(35);
    expect(kafkaErrorInfo(58)).toMatchObject({
      name: 'SASL_AUTHENTICATION_FAILED',
      retriable: false,
    });
  });

  it("agrees with kafkajs 2.2.4 on every code's retriable flag (kafkajs's retry loop reads it)", () => {
    for (const e of KAFKA_ERRORS.filter((row) => row.code !== 0)) {
      const theirs = kafkajsErrors.find((k) => k.code === e.code);
      expect(theirs, `kafkajs knows code ${e.code}`).toBeDefined();
      expect([e.code, theirs!.retriable]).toEqual([e.code, e.retriable]);
    }
  });

  it('lists every code KAFKA-WIRE §4.8 and the SASL flow need', () => {
    for (const code of [
      0, 1, 2, 3, 5, 6, 7, 10, 14, 15, 16, 17, 22, 23, 25, 26, 27, 33, 34, 35, 36, 37, 38, 39, 40,
      41, 42, 43, 44, 45, 46, 47, 56, 58, 59, 68, 69, 73, 74, 75, 76, 79, 82, 87,
    ]) {
      expect(kafkaErrorInfo(code), `code ${code}`).toBeDefined();
    }
  });
});

describe('kafkaErrorFor', () => {
  it('has a mapping decision for every SPS error code, each a code in the table', () => {
    for (const code of Object.keys(SPS_ERROR_CATALOG) as SpsErrorCode[]) {
      const kafka = SPS_TO_KAFKA_ERROR[code];
      expect(kafka, code).toBeDefined();
      expect(kafkaErrorInfo(kafka), `${code} → ${kafka}`).toBeDefined();
      expect(kafka, code).not.toBe(0);
      expect(kafkaErrorFor(new SpsError(code, 'x'))).toBe(kafka);
    }
  });

  it.each([
    ['SPS_ERR_UNKNOWN_STREAM', 3],
    ['SPS_ERR_INDEX_OUT_OF_RANGE', 1],
    ['SPS_ERR_CORRUPT_BATCH', 2],
    ['SPS_ERR_BATCH_TOO_LARGE', 10],
    ['SPS_ERR_OUT_OF_ORDER_SEQUENCE', 45],
    ['SPS_ERR_INVALID_PRODUCER_EPOCH', 47],
    ['SPS_ERR_UNKNOWN_MEMBER', 25],
    ['SPS_ERR_ILLEGAL_GENERATION', 22],
    ['SPS_ERR_REBALANCE_IN_PROGRESS', 27],
    ['SPS_ERR_MEMBER_ID_REQUIRED', 79],
    ['SPS_ERR_INVALID_SESSION_TIMEOUT', 26],
    ['SPS_ERR_INCONSISTENT_GROUP_PROTOCOL', 23],
    ['SPS_ERR_GROUP_NOT_EMPTY', 68],
    ['SPS_ERR_UNKNOWN_GROUP', 69],
    ['SPS_ERR_INVALID_STREAM_NAME', 17],
    ['SPS_ERR_STREAM_EXISTS', 36],
    ['SPS_ERR_INVALID_PARTITIONS', 37],
    ['SPS_ERR_PARTITIONS_CANNOT_SHRINK', 37],
    ['SPS_ERR_UNSUPPORTED_COMPRESSION', 76],
    ['SPS_ERR_TIMEOUT', 7],
    ['SPS_ERR_PARTITION_FAILED', 56],
    ['SPS_ERR_STORAGE', 56],
  ] as const)('%s → %i', (code, kafka) => {
    expect(kafkaErrorFor(new SpsError(code, 'x'))).toBe(kafka);
  });

  it('maps anything that is not an SpsError to UNKNOWN_SERVER_ERROR', () => {
    expect(kafkaErrorFor(new Error('bug'))).toBe(-1);
    expect(kafkaErrorFor('string')).toBe(-1);
    expect(kafkaErrorFor({ name: 'SpsError', code: 'SPS_ERR_NOPE', retriable: false })).toBe(-1);
  });

  it('recognises an SpsError from another copy of the library by its shape', () => {
    expect(
      kafkaErrorFor({ name: 'SpsError', code: 'SPS_ERR_UNKNOWN_STREAM', retriable: false }),
    ).toBe(3);
  });
});
