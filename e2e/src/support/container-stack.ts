/**
 * The same services on real infrastructure in containers (testcontainers): Apache Kafka in
 * KRaft mode, PostgreSQL and MailDev — the images docker-compose.yml uses. The services run as
 * local processes from dist/ with the same configuration keys, pointed at the containers.
 * Needs a Docker engine (see docker.ts); our CI machines have none, so there it is skipped.
 */
import { join, resolve } from 'node:path';
import { GenericContainer, Network, type StartedTestContainer, Wait } from 'testcontainers';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import {
  MailCatcherClient,
  MIGRATE_DEPLOY_DONE,
  runPrismaCli,
  StackSupervisor,
} from '@shopstream/local-infra';
import { connect } from '@shopstream/sps-client';
import { type ShopStack } from './shop-stack';

const ROOT = join(__dirname, '../../..');
const SERVICES = [
  { name: 'order-api', port: 33000 },
  {
    name: 'order-store',
    port: 33001,
    db: {
      name: 'order_store',
      config: 'libs/commerce/order-store-data/prisma.config.ts',
      env: 'ORDER_STORE_DATABASE_URL',
    },
  },
  {
    name: 'mailer',
    port: 33002,
    db: {
      name: 'mailer',
      config: 'libs/commerce/mailer-data/prisma.config.ts',
      env: 'MAILER_DATABASE_URL',
    },
  },
] as const;

export async function startContainerStack(): Promise<ShopStack> {
  const network = await new Network().start();
  const containers: StartedTestContainer[] = [];
  try {
    const kafka = await new GenericContainer('apache/kafka:3.9.1')
      .withNetwork(network)
      .withNetworkAliases('kafka')
      .withExposedPorts({ container: 29092, host: 39092 })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:29092',
        KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092,EXTERNAL://127.0.0.1:39092',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
          'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,EXTERNAL:PLAINTEXT',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_NUM_PARTITIONS: '3',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start();
    containers.push(kafka);
    const postgres: StartedPostgreSqlContainer = await new PostgreSqlContainer('postgres:18')
      .withNetwork(network)
      .start();
    containers.push(postgres);
    const maildev = await new GenericContainer('maildev/maildev:2.2.1')
      .withExposedPorts(1025, 1080)
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    containers.push(maildev);

    const brokers = `127.0.0.1:${kafka.getMappedPort(29092)}`;
    const urls = new Map<string, string>();
    for (const s of SERVICES) {
      if (!('db' in s)) continue;
      await postgres.exec([
        'psql',
        '-U',
        postgres.getUsername(),
        '-c',
        `CREATE ROLE ${s.db.name} LOGIN PASSWORD '${s.db.name}' CREATEDB`,
      ]);
      await postgres.exec([
        'psql',
        '-U',
        postgres.getUsername(),
        '-c',
        `CREATE DATABASE ${s.db.name} OWNER ${s.db.name}`,
      ]);
      const url = `postgres://${s.db.name}:${s.db.name}@${postgres.getHost()}:${postgres.getPort()}/${s.db.name}`;
      urls.set(s.name, url);
      await runPrismaCli(['migrate', 'deploy'], {
        configFile: resolve(ROOT, s.db.config),
        env: { [s.db.env]: url },
        doneWhen: MIGRATE_DEPLOY_DONE,
      });
    }

    const supervisor = new StackSupervisor(
      SERVICES.map((s) => ({
        name: s.name,
        command: process.execPath,
        args: [join(ROOT, `dist/apps/${s.name}/src/main.js`)],
        env: {
          HOST: '127.0.0.1',
          PORT: String(s.port),
          SPS_DRIVER: 'kafka',
          SPS_BROKERS: brokers,
          LOG_FORMAT: 'json',
          ...(urls.has(s.name) ? { DATABASE_URL: urls.get(s.name)! } : {}),
          ...(s.name === 'mailer'
            ? {
                SMTP_HOST: maildev.getHost(),
                SMTP_PORT: String(maildev.getMappedPort(1025)),
                MAIL_FROM: 'shopstream <orders@shopstream.local>',
              }
            : {}),
        },
        healthUrl: `http://127.0.0.1:${s.port}/health`,
        startTimeoutMs: 120_000,
      })),
      () => undefined,
    );
    await supervisor.startAll();
    const sps = await connect({ driver: 'kafka', brokers: [brokers], clientId: 'e2e-containers' });
    return {
      kind: 'containers (Apache Kafka, PostgreSQL, MailDev)',
      url: (service) => `http://127.0.0.1:${SERVICES.find((s) => s.name === service)!.port}`,
      inbox: new MailCatcherClient(`http://${maildev.getHost()}:${maildev.getMappedPort(1080)}`),
      sps,
      stopService: async (name) => void (await supervisor.stop(name)),
      startService: async (name) => void (await supervisor.start(name)),
      async close() {
        await sps.close();
        await supervisor.stopAll();
        for (const c of containers.reverse()) await c.stop();
        await network.stop();
      },
    };
  } catch (error) {
    for (const c of containers.reverse()) await c.stop().catch(() => undefined);
    await network.stop().catch(() => undefined);
    throw error;
  }
}
