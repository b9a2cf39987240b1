// Free TCP ports for test servers (a broker, a database), so tests never collide with each
// other or with a running local stack, which uses the fixed ports of DESIGN.md.
import { createServer } from 'node:net';

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it). Another process can take
 * it before the caller binds it: callers that start servers retry on "address in use".
 *
 * @param host The interface to check. @default '127.0.0.1'
 * @example
 * ```ts
 * const server = await startWireServer({ engine, port: await freePort() });
 * ```
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port was assigned'))));
    });
  });
}
