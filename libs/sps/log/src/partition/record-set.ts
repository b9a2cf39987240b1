/**
 * Validation of a client record set (the `records` of one partition in a Produce request:
 * one or more v2 batches), before it is queued. Checks, per batch, what Kafka's LogValidator
 * checks cheaply without decoding records: size <= max.message.bytes, magic 2, length fields,
 * CRC-32C, lastOffsetDelta == recordsCount - 1, and no control batches (only a broker writes
 * those). The CRC is native; there is no per-record work.
 *
 * The accepted bytes are copied once into a buffer the log owns: the log rewrites baseOffset
 * and partitionLeaderEpoch in place before writing, and the caller's buffer (a request frame,
 * or a batch a test appends twice) must not change under it.
 */
import {
  BATCH_LOG_OVERHEAD,
  isControlBatch,
  type RecordBatchHeader,
  SpsError,
  splitBatches,
  validateBatch,
} from '@shopstream/sps-core';

export interface ValidatedBatch {
  /** The batch's bytes, in the log's own copy. */
  bytes: Buffer;
  header: RecordBatchHeader;
}

export interface ValidatedRecordSet {
  batches: ValidatedBatch[];
  bytes: number;
  records: number;
}

export function validateRecordSet(
  recordSet: Buffer,
  maxBatchBytes: number,
  partition: string,
): ValidatedRecordSet {
  if (recordSet.length === 0) {
    throw new SpsError('SPS_ERR_INVALID_ARGUMENT', `empty record set for ${partition}`, {
      context: { partition },
    });
  }
  const { batches, rest } = splitBatches(recordSet);
  if (rest !== recordSet.length) {
    throw new SpsError(
      'SPS_ERR_CORRUPT_BATCH',
      `record set for ${partition} ends with ${recordSet.length - rest} bytes that are not a whole batch`,
      { context: { partition, bytes: recordSet.length, wholeBatchBytes: rest } },
    );
  }
  const headers = batches.map((batch, i) => {
    const context = { partition, batch: i, bytes: batch.length };
    if (batch.length > maxBatchBytes) {
      throw new SpsError(
        'SPS_ERR_BATCH_TOO_LARGE',
        `record batch of ${batch.length} bytes exceeds max.message.bytes ${maxBatchBytes} of ${partition}`,
        { context: { ...context, maxBatchBytes } },
      );
    }
    let header: RecordBatchHeader;
    try {
      header = validateBatch(batch);
    } catch (error) {
      if (error instanceof SpsError) {
        throw new SpsError(error.code, error.message, {
          cause: error,
          context: { ...error.context, ...context },
        });
      }
      throw error;
    }
    if (header.lastOffsetDelta !== header.recordsCount - 1) {
      throw new SpsError(
        'SPS_ERR_CORRUPT_BATCH',
        `record batch says lastOffsetDelta ${header.lastOffsetDelta} but holds ${header.recordsCount} records`,
        {
          context: {
            ...context,
            lastOffsetDelta: header.lastOffsetDelta,
            recordsCount: header.recordsCount,
          },
        },
      );
    }
    if (isControlBatch(header)) {
      throw new SpsError('SPS_ERR_INVALID_ARGUMENT', 'clients may not append control batches', {
        context: { ...context, attributes: header.attributes },
      });
    }
    return header;
  });
  const owned = Buffer.allocUnsafe(recordSet.length);
  recordSet.copy(owned);
  let at = 0;
  let records = 0;
  const validated = headers.map((header) => {
    const size = header.batchLength + BATCH_LOG_OVERHEAD;
    const bytes = owned.subarray(at, at + size);
    at += size;
    records += header.recordsCount;
    return { bytes, header };
  });
  return { batches: validated, bytes: recordSet.length, records };
}
