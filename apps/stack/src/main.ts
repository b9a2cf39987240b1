/**
 * The local stack, one command: `npm start` (= build, then `up`).
 *
 *   node dist/apps/stack/src/main.js up            start everything in the foreground
 *   node dist/apps/stack/src/main.js status        the services and their state
 *   node dist/apps/stack/src/main.js stop <name>   stop one service; the rest keep running
 *   node dist/apps/stack/src/main.js start <name>  start it again (it catches up)
 *   node dist/apps/stack/src/main.js reset         delete var/ (all data) while stopped
 *
 * Environment: SHOPSTREAM_VAR_DIR (default ./var) and SHOPSTREAM_PORT_OFFSET (default 0, added
 * to every port) let a second stack run beside the first — the end-to-end suite uses them.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { endpointsWithOffset } from './services';
import { controlRequest, formatStatus } from './control-client';
import { up } from './up';

async function main(argv: string[]): Promise<number> {
  const [command = 'up', name] = argv;
  const root = process.cwd();
  const endpoints = endpointsWithOffset(Number(process.env['SHOPSTREAM_PORT_OFFSET'] ?? 0));
  const varDir = process.env['SHOPSTREAM_VAR_DIR'] || join(root, 'var');
  const control = `http://${endpoints.host}:${endpoints.controlPort}`;
  switch (command) {
    case 'up':
      await up({ root, varDir, endpoints });
      return -1; // keep running until a signal
    case 'status':
      console.log(formatStatus(await controlRequest(control, 'GET', '/services')));
      return 0;
    case 'stop':
    case 'start':
      if (!name) throw new Error(`usage: stack ${command} <service>`);
      console.log(
        formatStatus([await controlRequest(control, 'POST', `/services/${name}/${command}`)]),
      );
      return 0;
    case 'reset': {
      const running = await controlRequest(control, 'GET', '/services').then(
        () => true,
        () => false,
      );
      if (running) throw new Error('the stack is running: stop it (Ctrl-C) before resetting');
      await rm(varDir, { recursive: true, force: true });
      console.log(`deleted ${varDir} (streams, databases, mail, labels)`);
      return 0;
    }
    default:
      throw new Error(
        `unknown command "${command}" (up, status, stop <name>, start <name>, reset)`,
      );
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`stack: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
