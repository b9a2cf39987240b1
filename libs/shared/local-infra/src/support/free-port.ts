// Free TCP ports for test servers, so tests never collide with each other or with a running
// local stack (which uses the fixed ports of DESIGN.md).
import { createServer, Socket } from 'node:net';

/**
 * A TCP port that was free on `host` a moment ago (the OS picks it). Another process can take
 * it before the caller binds it; callers that start servers retry on "address in use".
 *
 * @param host The interface to check. @default '127.0.0.1'
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No port was assigned'))));
    });
  });
}

/** Whether something accepts TCP connections on `host:port` right now. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}
