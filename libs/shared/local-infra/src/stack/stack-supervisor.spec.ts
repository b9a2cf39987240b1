import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { startControlServer, type ControlServer } from './control-server';
import { type ManagedProcessSpec } from './managed-process';
import { StackSupervisor } from './stack-supervisor';

// A real child process: an HTTP server answering /health, printing a line per request.
const SERVER = `
const http = require('node:http');
http.createServer((req, res) => { console.log('request ' + req.url); res.end('ok'); })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
`;

async function spec(name: string): Promise<ManagedProcessSpec> {
  const port = await freePort();
  return {
    name,
    command: process.execPath,
    args: ['-e', SERVER],
    env: { PORT: String(port) },
    healthUrl: `http://127.0.0.1:${port}/health`,
    links: { api: `http://127.0.0.1:${port}` },
    startTimeoutMs: 10_000,
  };
}

let supervisor: StackSupervisor | undefined;
let control: ControlServer | undefined;

afterEach(async () => {
  await control?.close();
  await supervisor?.stopAll();
});

describe('StackSupervisor', () => {
  it('starts services, prefixes their output, stops and restarts one while the other keeps running', async () => {
    const lines: string[] = [];
    supervisor = new StackSupervisor([await spec('alpha'), await spec('beta')], (name, line) =>
      lines.push(`[${name}] ${line}`),
    );
    await supervisor.startAll();
    expect(supervisor.statuses().map((s) => s.state)).toEqual(['running', 'running']);
    expect(lines).toContain('[alpha] listening');
    expect(lines).toContain('[beta] request /health');

    control = await startControlServer(supervisor, { port: 0, controllable: (n) => n !== 'alpha' });
    const base = `http://127.0.0.1:${control.port}`;
    const stopped = await fetch(`${base}/services/beta/stop`, { method: 'POST' });
    expect(await stopped.json()).toMatchObject({ name: 'beta', state: 'stopped' });
    expect(lines).toContain('[beta] bye');
    const alphaUrl = supervisor.status('alpha').links['api']!;
    expect((await fetch(`${alphaUrl}/still-here`)).status).toBe(200);

    const started = await fetch(`${base}/services/beta/start`, { method: 'POST' });
    expect(await started.json()).toMatchObject({ name: 'beta', state: 'running' });
    expect((await fetch(`${base}/services/alpha/stop`, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${base}/services/nope/stop`, { method: 'POST' })).status).toBe(404);
    const list = (await (await fetch(`${base}/services`)).json()) as Array<{
      name: string;
      state: string;
    }>;
    expect(list.map((s) => `${s.name}:${s.state}`)).toEqual(['alpha:running', 'beta:running']);
  });

  it('reports a service that exits during start instead of waiting for its timeout', async () => {
    supervisor = new StackSupervisor(
      [
        {
          name: 'broken',
          command: process.execPath,
          args: ['-e', 'process.exit(3)'],
          healthUrl: 'http://127.0.0.1:1/health',
        },
      ],
      () => undefined,
    );
    await expect(supervisor.startAll()).rejects.toThrow(/broken.*exited with code 3/);
  });
});
