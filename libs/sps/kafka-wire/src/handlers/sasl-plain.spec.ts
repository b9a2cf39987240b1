import { describe, expect, it } from 'vitest';
import { parsePlainToken, verifyPlain } from './sasl-plain';

const token = (s: string) => Buffer.from(s, 'utf8');
const users = { alice: 's3cret', bøb: 'pässword' };

describe('SASL/PLAIN tokens (RFC 4616)', () => {
  it('parses authzid NUL authcid NUL passwd', () => {
    expect(parsePlainToken(token('\u0000alice\u0000s3cret'))).toEqual({
      authzid: '',
      username: 'alice',
      password: 's3cret',
    });
    expect(parsePlainToken(token('alice\u0000alice\u0000pw\u0000'))).toBeNull();
    expect(parsePlainToken(token('alice:s3cret'))).toBeNull();
    expect(parsePlainToken(token('\u0000\u0000pw'))).toBeNull();
  });

  it('accepts good credentials, UTF-8 included, and an authzid equal to the user', () => {
    expect(verifyPlain(users, token('\u0000alice\u0000s3cret'))).toBe('alice');
    expect(verifyPlain(users, token('alice\u0000alice\u0000s3cret'))).toBe('alice');
    expect(verifyPlain(users, token('\u0000bøb\u0000pässword'))).toBe('bøb');
  });

  it('rejects a wrong password, an unknown user, another authzid, and prototype keys', () => {
    expect(verifyPlain(users, token('\u0000alice\u0000S3cret'))).toBeNull();
    expect(verifyPlain(users, token('\u0000carol\u0000s3cret'))).toBeNull();
    expect(verifyPlain(users, token('bob\u0000alice\u0000s3cret'))).toBeNull();
    expect(verifyPlain(users, token('\u0000constructor\u0000'))).toBeNull();
    expect(verifyPlain(users, token('\u0000__proto__\u0000x'))).toBeNull();
  });
});
