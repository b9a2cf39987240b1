// @shopstream/local-infra/testing: real PostgreSQL and a real SMTP catcher for tests, on free
// ports and in temp directories, so tests never collide with each other or the local stack.
import { startMailCatcher, type MailCatcher } from './mail/mail-catcher';
import { freePort } from './support/free-port';

export { startTestPostgres, type TestPostgres } from './postgres/test-postgres';

/**
 * Starts a mail catcher on two free ports with a temp mail directory; `stop()` removes it.
 *
 * @example
 * ```ts
 * const catcher = await startTestMailCatcher();
 * const transport = createTransport({ host: catcher.host, port: catcher.smtpPort });
 * ```
 */
export async function startTestMailCatcher(): Promise<MailCatcher> {
  let lastError: unknown;
  // Two attempts: a free port can be taken by someone else before MailDev binds it.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort() });
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
