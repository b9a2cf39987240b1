// The local stack's control API on 127.0.0.1 (default port 8079): list the services, stop one,
// start it again. `npm run svc -- stop mailer` and the console use it.
//   GET  /services                 → [{ name, state, pid, links, ... }]
//   POST /services/:name/stop      → the service's status once stopped
//   POST /services/:name/start     → the service's status once ready
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type StackSupervisor } from './stack-supervisor';

export interface ControlServer {
  port: number;
  close(): Promise<void>;
}

export async function startControlServer(
  supervisor: StackSupervisor,
  options: { host?: string; port?: number; controllable?: (name: string) => boolean } = {},
): Promise<ControlServer> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://control');
    const action = /^\/services\/([^/]+)\/(start|stop)$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/services')
      return send(200, supervisor.statuses());
    if (req.method === 'POST' && action) {
      const name = decodeURIComponent(action[1]!);
      if (!supervisor.has(name)) return send(404, { error: `unknown service "${name}"` });
      if (options.controllable && !options.controllable(name)) {
        return send(409, { error: `"${name}" is infrastructure; it stops with the stack` });
      }
      const run = action[2] === 'stop' ? supervisor.stop(name) : supervisor.start(name);
      run.then(
        (status) => send(200, status),
        (error: unknown) =>
          send(500, { error: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8079, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
