#!/usr/bin/env node
// Compiles one project's sources (tests excluded) into dist/<projectRoot>/src with SWC.
// Every project builds the same way, so `node dist/apps/<app>/src/main.js` finds its libs at
// dist/libs/... through the relative requires SWC writes for `@shopstream/*` imports.
// Type checking is the `typecheck` target's job (tsc --noEmit), not this one's.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { swcOptions, workspaceRoot } from '../swc/options.mjs';

const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: build.mjs <projectRoot>');
  process.exit(2);
}

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== '__fixtures__') yield* sources(path);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield path;
    }
  }
}

const srcDir = resolve(workspaceRoot, projectRoot, 'src');
const outRoot = resolve(workspaceRoot, 'dist', projectRoot);
await rm(outRoot, { recursive: true, force: true });
const options = swcOptions();
let count = 0;
for await (const file of sources(srcDir)) {
  const out = join(outRoot, relative(resolve(workspaceRoot, projectRoot), file)).replace(
    /\.ts$/,
    '.js',
  );
  const result = await transformFile(file, {
    ...options,
    filename: file,
    sourceFileName: relative(dirname(out), file),
    outputPath: out,
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${result.code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
  if (result.map) await writeFile(`${out}.map`, result.map);
  count++;
}
console.log(`built ${count} files into ${relative(workspaceRoot, outRoot)}`);
