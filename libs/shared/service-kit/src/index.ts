export * from './config/load-config';
export * from './health/health-registry';
export * from './metrics/metrics.service';
export * from './service-kit.module';
export * from './bootstrap/create-service-app';
