// Collects what a consumer's handler received, so a test can assert on it and wait for it.
import { type PartitionId, type RecordHeader, type StreamIndex } from '@shopstream/sps-core';
import { waitFor, type WaitForOptions } from './wait-for';

/** The part of a delivered record a collector keeps (an SPS client's message has all of it). */
export interface CollectedRecord {
  stream: string;
  partition: PartitionId;
  index: StreamIndex;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/**
 * A handler that remembers every record it is given, in delivery order.
 *
 * @example
 * ```ts
 * const handled = new RecordCollector();
 * await consumer.start(handled.handler);
 * await handled.waitForValues(['ord_1', 'ord_2']);
 * expect(handled.valuesOf('ord_1')).toHaveLength(1);
 * ```
 */
export class RecordCollector<R extends CollectedRecord = CollectedRecord> {
  readonly records: R[] = [];

  /** Pass this to `consumer.start()` / `reader.start()`. */
  readonly handler = (record: R): void => {
    this.records.push(record);
  };

  /** Values as UTF-8 strings, in delivery order. */
  values(): string[] {
    return this.records.map((r) => r.value?.toString('utf8') ?? '');
  }

  /** Values of the records with this key, in delivery order. */
  valuesForKey(key: string): string[] {
    return this.records
      .filter((r) => r.key?.toString('utf8') === key)
      .map((r) => r.value?.toString('utf8') ?? '');
  }

  /** Every delivery of the record with this value (more than one = a redelivery). */
  valuesOf(value: string): R[] {
    return this.records.filter((r) => r.value?.toString('utf8') === value);
  }

  /** Distinct partitions the records came from, sorted. */
  partitions(): PartitionId[] {
    return [...new Set(this.records.map((r) => r.partition))].sort((a, b) => a - b);
  }

  /** Resolves once at least `count` records were delivered. */
  async waitForCount(count: number, options: WaitForOptions = {}): Promise<R[]> {
    await waitFor(() => this.records.length >= count, {
      description: `${count} records (have ${this.records.length})`,
      ...options,
    });
    return this.records;
  }

  /** Resolves once every value in `values` was delivered at least once. */
  async waitForValues(values: readonly string[], options: WaitForOptions = {}): Promise<R[]> {
    await waitFor(
      () => {
        const seen = new Set(this.values());
        return values.every((v) => seen.has(v));
      },
      {
        description: `values ${values.slice(0, 5).join(', ')}${values.length > 5 ? ', …' : ''}`,
        ...options,
      },
    );
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
  }
}
