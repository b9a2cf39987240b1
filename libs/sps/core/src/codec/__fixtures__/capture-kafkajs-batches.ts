// Regenerates kafkajs-batches.json: `npx tsx libs/sps/core/src/codec/__fixtures__/capture-kafkajs-batches.ts`.
// The spec checks that kafkajs still produces exactly these bytes, so the file cannot drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_CASES } from './batch-cases';
import { kafkajsBatch } from './kafkajs-batch';

async function main(): Promise<void> {
  const out = [];
  for (const c of BATCH_CASES) out.push({ ...c, hex: (await kafkajsBatch(c)).toString('hex') });
  writeFileSync(join(__dirname, 'kafkajs-batches.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${out.length} batches`);
}

void main();
