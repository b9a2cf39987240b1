// `npm run order`: places one realistic random order against a running order API and prints
// the 202 body. ORDER_API_URL (default http://127.0.0.1:3000); ORDER_COUNT to place several.
import { randomUUID } from 'node:crypto';
import { randomOrderRequest } from '@shopstream/commerce-order-api';

async function placeOne(baseUrl: string): Promise<boolean> {
  const body = randomOrderRequest();
  const response = await fetch(`${baseUrl}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  const answer = await response.text();
  const lines = body.items.map((i) => `${i.quantity}× ${i.sku}`).join(', ');
  console.log(`${body.customer.name}: ${lines}${body.promoCode ? ` (${body.promoCode})` : ''}`);
  console.log(`→ ${response.status} ${answer}`);
  return response.status === 202;
}

async function main(): Promise<void> {
  const baseUrl = (process.env['ORDER_API_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const count = Number(process.env['ORDER_COUNT'] ?? '1');
  let ok = true;
  for (let i = 0; i < count; i++) ok = (await placeOne(baseUrl)) && ok;
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`could not place an order: ${String(error)}`);
  process.exit(1);
});
