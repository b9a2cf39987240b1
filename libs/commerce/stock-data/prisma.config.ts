// Prisma CLI configuration of the stock database (`prisma generate`, `migrate deploy`,
// `migrate dev`), loaded by the Prisma CLI, never by the service. It follows the offline recipe
// of libs/shared/local-infra/README.md: the JavaScript (Wasm) schema engine and a driver
// adapter, so no native Prisma engine is downloaded.
import { defineConfig } from 'prisma/config';
// The Prisma CLI loads this file with its own TypeScript loader, which knows nothing of the
// `@shopstream/*` paths of tsconfig.base.json: the adapter is imported by relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { prismaCliAdapter } from '../../shared/local-infra/src/prisma/prisma-cli-adapter';
import { stockDatabaseUrl } from './src/stock-database';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: () => Promise.resolve(prismaCliAdapter(stockDatabaseUrl())),
});
