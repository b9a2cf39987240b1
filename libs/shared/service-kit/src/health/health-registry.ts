import { Injectable } from '@nestjs/common';

/** One dependency a service reports on at `GET /health` (the stream connection, a database). */
export interface ServiceHealthCheck {
  /** Key in the health report, e.g. `stream`, `database`. */
  name: string;
  check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}

/**
 * The checks `GET /health` runs. Modules register theirs at init (the SPS module registers the
 * stream connection, a data module its database), so the kit knows no dependency by name.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ServiceHealthCheck>();

  register(check: ServiceHealthCheck): void {
    this.checks.set(check.name, check);
  }

  all(): ServiceHealthCheck[] {
    return [...this.checks.values()];
  }
}
