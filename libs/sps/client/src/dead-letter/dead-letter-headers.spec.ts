import { SpsError } from '@shopstream/sps-core';
import { describe, expect, it } from 'vitest';
import { type SpsMessage } from '../runtime/sps-message';
import {
  DLQ_HEADERS,
  deadLetterHeaders,
  deadLetterSource,
  stripDeadLetterHeaders,
} from './dead-letter-headers';

const h = (key: string, value: string) => ({ key, value: Buffer.from(value) });
const message: SpsMessage = {
  stream: 'orders',
  partition: 4,
  index: 1_234,
  key: Buffer.from('ord_42'),
  value: Buffer.from('{}'),
  headers: [h('event-id', 'evt-1'), h('traceparent', 'tp'), h('event-id', 'evt-dup')],
  timestamp: 0,
};

describe('dead-letter headers', () => {
  const headers = deadLetterHeaders(message, {
    error: new SpsError('SPS_ERR_MALFORMED', 'bad order json'),
    attempts: 5,
    group: 'mailer',
    time: new Date('2026-11-25T12:00:00Z'),
  });
  const text = (key: string) => headers.find((x) => x.key === key)?.value?.toString();

  it('keeps every original header in order, then says why, how often and from where', () => {
    expect(headers.slice(0, 3)).toEqual(message.headers);
    expect(text(DLQ_HEADERS.errorMessage)).toBe('bad order json');
    expect(text(DLQ_HEADERS.errorCode)).toBe('SPS_ERR_MALFORMED');
    expect(text(DLQ_HEADERS.attempts)).toBe('5');
    expect(text(DLQ_HEADERS.sourceStream)).toBe('orders');
    expect(text(DLQ_HEADERS.sourcePartition)).toBe('4');
    expect(text(DLQ_HEADERS.sourceIndex)).toBe('1234');
    expect(text(DLQ_HEADERS.group)).toBe('mailer');
    expect(text(DLQ_HEADERS.time)).toBe('2026-11-25T12:00:00.000Z');
  });

  it('strips exactly the dead-letter headers on the way back, and finds the source', () => {
    expect(stripDeadLetterHeaders(headers)).toEqual(message.headers);
    expect(deadLetterSource(headers)).toEqual({ stream: 'orders', partition: 4 });
    expect(deadLetterSource(message.headers)).toBeNull();
  });

  it('names the error by its code, else its name', () => {
    const plain = deadLetterHeaders(message, {
      error: new TypeError('x is undefined'),
      attempts: 1,
      group: null,
      time: new Date(0),
    });
    expect(plain.find((x) => x.key === DLQ_HEADERS.errorCode)?.value?.toString()).toBe('TypeError');
    expect(plain.find((x) => x.key === DLQ_HEADERS.group)?.value?.toString()).toBe('');
  });
});
