import { Controller, Get, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceApp } from '../bootstrap/create-service-app';
import { HealthRegistry } from '../health/health-registry';
import { ServiceKitModule } from '../service-kit.module';

const state = { streamUp: true };

@Injectable()
class StreamHealth implements OnModuleInit {
  constructor(private readonly registry: HealthRegistry) {}
  onModuleInit(): void {
    this.registry.register({
      name: 'stream',
      check: () => Promise.resolve({ up: state.streamUp, details: { driver: 'embedded' } }),
    });
  }
}

@Controller('orders')
class OrdersController {
  @Get(':id')
  find(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({
  imports: [ServiceKitModule.forRoot({ service: 'kit-test', logLevel: 'silent' })],
  controllers: [OrdersController],
  providers: [StreamHealth],
})
class AppModule {}

let app: NestFastifyApplication | undefined;

async function start(): Promise<string> {
  app = await createServiceApp(AppModule, { bodyLimitBytes: 1024 });
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

afterEach(async () => {
  await app?.close();
  app = undefined;
  state.streamUp = true;
});

describe('service kit', () => {
  it('reports health from registered checks: 200 when up, 503 naming the failing check', async () => {
    const url = await start();
    const ok = await fetch(`${url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'ok',
      info: { stream: { status: 'up', driver: 'embedded' } },
    });

    state.streamUp = false;
    const down = await fetch(`${url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'error',
      error: { stream: { status: 'down' } },
    });
  });

  it('exposes Prometheus metrics with per-route HTTP counters and the service label', async () => {
    const url = await start();
    await fetch(`${url}/orders/ord_1`);
    await fetch(`${url}/orders/ord_2`);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/orders\/:id",status="200",service="kit-test"\} 2/,
    );
    expect(text).toMatch(/process_cpu_user_seconds_total\{service="kit-test"\}/);
  });

  it('answers 413 to a body over the limit', async () => {
    const url = await start();
    const res = await fetch(`${url}/orders/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    expect(res.status).toBe(413);
  });
});
