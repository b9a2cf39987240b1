// Prisma CLI configuration of the PrismaInbox test database (`prisma generate` via the
// `prisma-generate` target; `prisma migrate diff` wrote migrations/). Loaded by the Prisma CLI
// only, following the offline recipe of libs/shared/local-infra/README.md.
import { defineConfig } from 'prisma/config';
// The Prisma CLI loads this file with its own TypeScript loader, which knows nothing of the
// `@shopstream/*` paths of tsconfig.base.json: the adapter is imported by relative path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { prismaCliAdapter } from '../../../../../../shared/local-infra/src/prisma/prisma-cli-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  adapter: () =>
    Promise.resolve(
      prismaCliAdapter(
        process.env['INBOX_TEST_DATABASE_URL'] ??
          'postgresql://inbox_test:inbox_test@127.0.0.1:5433/inbox_test',
      ),
    ),
});
