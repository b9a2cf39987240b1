/**
 * What the local stack runs: the services of DESIGN.md with their ports, databases and
 * configuration keys (the same keys docker-compose.yml sets, with other values).
 */
export interface ServiceDefinition {
  /** The app under apps/ and the name in logs and the control API. */
  name: string;
  port: number;
  /** Its own PostgreSQL database (role and password = the name), and where its schema lives. */
  database?: { name: string; prismaConfig: string; urlEnv: string };
  /** Extra configuration keys. */
  env?: (stack: StackEndpoints) => Record<string, string>;
  /** Pages worth showing, relative to the service's URL. */
  links?: Record<string, string>;
}

/** Where the infrastructure listens. */
export interface StackEndpoints {
  host: string;
  brokerPort: number;
  postgresPort: number;
  smtpPort: number;
  inboxPort: number;
  controlPort: number;
  /** Added to every service's default port. @default 0 */
  portOffset?: number;
  /** Where the stack keeps its data (`up()` sets it); services put their files under it. @default var */
  varDir?: string;
}

export const DEFAULT_ENDPOINTS: StackEndpoints = {
  host: '127.0.0.1',
  brokerPort: 9092,
  postgresPort: 5433,
  smtpPort: 1025,
  inboxPort: 1080,
  controlPort: 8079,
};

/**
 * The stack's endpoints shifted by `offset` (services too, see {@link servicePort}), so a second
 * stack — the end-to-end suite's — can run beside a developer's `npm start`.
 */
export function endpointsWithOffset(offset: number): StackEndpoints {
  const e = DEFAULT_ENDPOINTS;
  return {
    host: e.host,
    brokerPort: e.brokerPort + offset,
    postgresPort: e.postgresPort + offset,
    smtpPort: e.smtpPort + offset,
    inboxPort: e.inboxPort + offset,
    controlPort: e.controlPort + offset,
    portOffset: offset,
  };
}

/** The port a service listens on in a stack. */
export function servicePort(service: ServiceDefinition, stack: StackEndpoints): number {
  return service.port + (stack.portOffset ?? 0);
}

export const SERVICES: ServiceDefinition[] = [
  { name: 'order-api', port: 3000, links: { 'API docs': '/docs' } },
  {
    name: 'order-store',
    port: 3001,
    database: {
      name: 'order_store',
      prismaConfig: 'libs/commerce/order-store-data/prisma.config.ts',
      urlEnv: 'ORDER_STORE_DATABASE_URL',
    },
  },
  {
    name: 'mailer',
    port: 3002,
    database: {
      name: 'mailer',
      prismaConfig: 'libs/commerce/mailer-data/prisma.config.ts',
      urlEnv: 'MAILER_DATABASE_URL',
    },
    env: (stack) => ({
      SMTP_HOST: stack.host,
      SMTP_PORT: String(stack.smtpPort),
      MAIL_FROM: 'shopstream <orders@shopstream.local>',
    }),
  },
  {
    name: 'crm',
    port: 3005,
    database: {
      name: 'crm',
      prismaConfig: 'libs/commerce/crm-data/prisma.config.ts',
      urlEnv: 'CRM_DATABASE_URL',
    },
  },
  {
    name: 'promo-counter',
    port: 3006,
    // Its snapshot lives with the stack's other data, so `stack reset` removes it together
    // with the broker data whose indexes it holds.
    env: (stack) => ({ SNAPSHOT_DIR: `${stack.varDir ?? 'var'}/promo-counter` }),
    links: { 'live counts': '/promos/stream' },
  },
  {
    name: 'shipping',
    port: 3003,
    // Labels (PDF) are stored in its database with the shipment: no label directory.
    database: {
      name: 'shipping',
      prismaConfig: 'libs/commerce/shipping-data/prisma.config.ts',
      urlEnv: 'SHIPPING_DATABASE_URL',
    },
  },
  {
    name: 'stock',
    port: 3004,
    database: {
      name: 'stock',
      prismaConfig: 'libs/commerce/stock-data/prisma.config.ts',
      urlEnv: 'STOCK_DATABASE_URL',
    },
    links: { 'low stock': '/stock?low=true' },
  },
];

/**
 * The configuration keys a service gets in the local stack. docker-compose.yml sets the same
 * keys with other values (a test compares them).
 */
export function serviceEnv(
  service: ServiceDefinition,
  stack: StackEndpoints,
  databaseUrl: string | undefined,
): Record<string, string> {
  return {
    HOST: stack.host,
    PORT: String(servicePort(service, stack)),
    SPS_DRIVER: 'kafka',
    SPS_BROKERS: `${stack.host}:${stack.brokerPort}`,
    LOG_FORMAT: process.env['LOG_FORMAT'] ?? 'pretty',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...service.env?.(stack),
  };
}
