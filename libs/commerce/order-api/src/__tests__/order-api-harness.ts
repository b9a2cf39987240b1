/**
 * A real order API for tests: the Nest app exactly as the service builds it
 * (`createOrderApiApp`), on the embedded SPS engine in this process, on a free port.
 */
import { Module } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FieldIssue, type OrderAccepted } from '@shopstream/commerce-contracts';
import { ServiceKitModule } from '@shopstream/service-kit';
import { CommerceSpsModule } from '@shopstream/commerce-service-config';
import { Engine } from '@shopstream/sps-log';
import { type ConnectOptions } from '@shopstream/sps-client';
import { SpsError, type SpsDriver } from '@shopstream/sps-core';
import { tempDir, type TempDir } from '@shopstream/sps-testing';
import { createOrderApiApp } from '../bootstrap/create-order-api-app';
import { OrderApiModule } from '../order-api.module';

/** A response body as the tests read it: any of the API's answers (202, 400, 413, 415, 503). */
export type AnswerBody = Partial<OrderAccepted> & {
  error?: string;
  message?: string;
  issues?: FieldIssue[];
  limitBytes?: number;
};

export interface OrderApiHarness {
  app: NestFastifyApplication;
  engine: Engine;
  url: string;
  post(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: AnswerBody }>;
  close(): Promise<void>;
}

export async function startOrderApi(
  options: { appendTimeoutMs?: number; connection?: ConnectOptions } = {},
): Promise<OrderApiHarness> {
  const dir: TempDir = await tempDir('order-api-');
  const engine = await Engine.open({ dataDir: dir.path, fsync: 'never' });
  const { connection = { driver: 'embedded', engine }, ...moduleOptions } = options;

  @Module({
    imports: [
      ServiceKitModule.forRoot({ service: 'order-api', logLevel: 'silent' }),
      CommerceSpsModule.forRoot({ connection }),
      OrderApiModule.forRoot(moduleOptions),
    ],
  })
  class TestOrderApiModule {}

  const app = await createOrderApiApp(TestOrderApiModule);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    engine,
    url,
    async post(body, headers = {}) {
      const response = await fetch(`${url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as AnswerBody };
    },
    async close() {
      await app.close();
      await engine.close();
      await dir.remove();
    },
  };
}

/**
 * A backend that cannot be reached: admin calls fail at once (as a client whose broker
 * refuses connections), and a send hangs the way a client retrying its connection does.
 */
export function unreachableDriver(): SpsDriver {
  const down = () =>
    Promise.reject(new SpsError('SPS_ERR_TIMEOUT', 'broker 127.0.0.1:9 unreachable'));
  return {
    kind: 'unreachable',
    createProducer: () => ({
      send: () => new Promise(() => undefined),
      close: () => Promise.resolve(),
    }),
    createGroupConsumer: () => {
      throw new SpsError('SPS_ERR_TIMEOUT', 'broker unreachable');
    },
    createPartitionReader: () => {
      throw new SpsError('SPS_ERR_TIMEOUT', 'broker unreachable');
    },
    admin: new Proxy({} as SpsDriver['admin'], { get: () => down }),
    close: () => Promise.resolve(),
  };
}
