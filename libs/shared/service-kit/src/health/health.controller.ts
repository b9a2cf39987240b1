import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { HealthRegistry } from './health-registry';

/** `GET /health`: 200 when every registered check is up, 503 with the failing ones otherwise (Terminus). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check(
      this.registry.all().map((c) => async () => {
        const session = this.indicators.check(c.name);
        try {
          const { up, details } = await c.check();
          return up ? session.up(details) : session.down(details);
        } catch (error) {
          return session.down({ message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}
