/**
 * `npm run contracts:generate`: writes docs/openapi.json and docs/asyncapi.yaml from the zod
 * schemas. The docs test fails until they are regenerated after a schema change.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderContractDocs } from './contract-docs';
import { findWorkspaceRoot } from './workspace-root';

async function main(): Promise<void> {
  const root = findWorkspaceRoot();
  for (const doc of await renderContractDocs(root)) {
    const target = join(root, doc.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, doc.content);
    console.log(`wrote ${doc.path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
