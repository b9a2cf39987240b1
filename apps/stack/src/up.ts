/**
 * `npm start`: PostgreSQL (one database per service, migrations applied), the mail catcher, the
 * SPS broker, then every service; prints where to look once all are ready; Ctrl-C stops it all,
 * services first and PostgreSQL last. Data under var/ survives restarts.
 */
import { join, resolve } from 'node:path';
import {
  LocalPostgres,
  type ManagedProcessSpec,
  MIGRATE_DEPLOY_DONE,
  onShutdownSignal,
  runPrismaCli,
  StackSupervisor,
  startControlServer,
  startMailCatcher,
} from '@shopstream/local-infra';
import { prefixedSink, say } from './log-sink';
import { SERVICES, serviceEnv, servicePort, type StackEndpoints } from './services';

export interface UpOptions {
  root: string;
  /** Where all data lives. @default <root>/var */
  varDir?: string;
  endpoints: StackEndpoints;
}

export async function up({ root, varDir: varOption, endpoints: e }: UpOptions): Promise<void> {
  const started = Date.now();
  const varDir = varOption ?? join(root, 'var');
  const sink = prefixedSink(14);

  say('starting PostgreSQL');
  const postgres = new LocalPostgres({
    dataDir: join(varDir, 'postgres'),
    port: e.postgresPort,
    host: e.host,
  });
  await postgres.start();
  const urls = new Map<string, string>();
  await Promise.all(
    SERVICES.filter((s) => s.database).map(async (s) => {
      const db = s.database!;
      const { url } = await postgres.ensureDatabase(db.name);
      urls.set(s.name, url);
      await runPrismaCli(['migrate', 'deploy'], {
        configFile: resolve(root, db.prismaConfig),
        env: { [db.urlEnv]: url },
        doneWhen: MIGRATE_DEPLOY_DONE,
      });
      say(`database ${db.name} ready (migrations applied)`);
    }),
  );

  say('starting the mail catcher');
  const mail = await startMailCatcher({ host: e.host, smtpPort: e.smtpPort, webPort: e.inboxPort });

  const node = process.execPath;
  const specs: ManagedProcessSpec[] = [
    {
      name: 'broker',
      command: node,
      args: [
        join(root, 'dist/apps/broker/src/main.js'),
        '--host',
        e.host,
        '--port',
        String(e.brokerPort),
        '--data-dir',
        join(varDir, 'broker'),
        '--default-partitions',
        '3',
      ],
      readyLine: /ready on/,
      links: { 'Kafka protocol': `${e.host}:${e.brokerPort}` },
    },
    ...SERVICES.map((s): ManagedProcessSpec => {
      const base = `http://${e.host}:${servicePort(s, e)}`;
      return {
        name: s.name,
        command: node,
        args: [join(root, `dist/apps/${s.name}/src/main.js`)],
        env: serviceEnv(s, { ...e, varDir }, urls.get(s.name)),
        healthUrl: `${base}/health`,
        links: Object.fromEntries<string>([
          ['service', base],
          ...Object.entries(s.links ?? {}).map(([label, path]): [string, string] => [
            label,
            `${base}${path}`,
          ]),
        ]),
      };
    }),
  ];
  const supervisor = new StackSupervisor(specs, sink);
  const control = await startControlServer(supervisor, { host: e.host, port: e.controlPort });

  let stopping = false;
  onShutdownSignal(async () => {
    if (stopping) return;
    stopping = true;
    say('stopping: services, broker, mail catcher, PostgreSQL');
    await control.close();
    await supervisor.stopAll();
    await mail.stop();
    await postgres.stop();
    say('stopped');
  });

  await supervisor.startAll().catch((error: unknown) => {
    say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.kill(process.pid, 'SIGTERM');
    throw error;
  });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`ready in ${seconds} s`);
  say(`  web inbox          http://${e.host}:${e.inboxPort}`);
  for (const status of supervisor.statuses()) {
    for (const [label, link] of Object.entries(status.links))
      say(`  ${`${status.name} ${label}`.padEnd(18)} ${link}`);
  }
  say(`  stack control      http://${e.host}:${control.port}/services`);
  say(
    'place an order: npm run order    stop a service: npm run stack -- stop mailer    Ctrl-C stops all',
  );
}
