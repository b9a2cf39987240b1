import { describe, expect, it } from 'vitest';
import { isRetriable } from '@shopstream/sps-core';
import { SmtpSendError } from './smtp-send.error';

describe('SmtpSendError', () => {
  it('is retriable when the server is unreachable or says "try later"', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), {
      code: 'ESOCKET',
    });
    expect(isRetriable(new SmtpSendError(refused))).toBe(true);
    expect(new SmtpSendError(refused).message).toBe(
      'SMTP send failed (ESOCKET): connect ECONNREFUSED 127.0.0.1:1025',
    );
    const greylisted = Object.assign(new Error('451 try again later'), {
      code: 'EENVELOPE',
      responseCode: 451,
    });
    expect(isRetriable(new SmtpSendError(greylisted))).toBe(true);
  });

  it('is not retriable when the server refused the message for good (5xx)', () => {
    const unknownUser = Object.assign(new Error('550 no such user'), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(isRetriable(new SmtpSendError(unknownUser))).toBe(false);
  });
});
