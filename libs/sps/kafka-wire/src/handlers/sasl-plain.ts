import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * SASL/PLAIN (RFC 4616): the client's single message is
 *   [authzid] NUL authcid NUL passwd
 * (UTF-8). Kafka's PlainSaslServer accepts an empty authzid or one equal to authcid.
 */
export interface PlainCredentials {
  authzid: string;
  username: string;
  password: string;
}

/** Parses a PLAIN token; null when it is not three NUL-separated parts. */
export function parsePlainToken(token: Uint8Array): PlainCredentials | null {
  const parts = Buffer.from(token).toString('utf8').split('\u0000');
  if (parts.length !== 3) return null;
  const [authzid, username, password] = parts as [string, string, string];
  if (username === '') return null;
  return { authzid, username, password };
}

/**
 * Checks a PLAIN token against the configured users; returns the authenticated user name or
 * null. The password comparison takes the same time whatever the guess (hash then
 * `timingSafeEqual`), and an unknown user costs the same as a wrong password.
 */
export function verifyPlain(
  users: Readonly<Record<string, string>>,
  token: Uint8Array,
): string | null {
  const credentials = parsePlainToken(token);
  if (credentials === null) return null;
  const { authzid, username, password } = credentials;
  if (authzid !== '' && authzid !== username) return null;
  const expected = Object.prototype.hasOwnProperty.call(users, username)
    ? users[username]
    : undefined;
  const same = timingSafeEqual(
    digest(password),
    digest(expected ?? `\u0000no-such-user:${password}`),
  );
  return expected !== undefined && same ? username : null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
