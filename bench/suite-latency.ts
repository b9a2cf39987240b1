/**
 * `npm run bench:suite` — how long each service takes from "order accepted" (the 202 of
 * POST /orders) to "effect done", at a steady 50 orders per second on the local stack
 * (after `npm run build`). Every effect is observed through the owning service's own API:
 *
 *   order-store  GET /orders/:id                   the order row exists
 *   mailer       GET /messages?orderId=            the sent-message record exists (written in the
 *                                                  transaction that sent the mail)
 *   shipping     GET /shipments/:orderId           the label exists
 *   stock        GET /stock/:sku/movements         a ledger movement for the order exists
 *   crm          GET /customers/:id                the customer (one per order) exists
 *   promo-counter GET /promos                      ordersCounted reached the order's rank
 *
 * Each pending effect is polled every 25 ms, so a latency is exact to about +25 ms. promo-counter
 * counts orders without naming them: its k-th counted order is matched to the k-th accepted one
 * (the same distribution, not per-order pairs). Environment: BENCH_RATE (orders/s, default 50),
 * BENCH_SECONDS (default 20). Writes bench/results/suite-latency.json.
 */
import { availableParallelism, cpus } from 'node:os';
import { createOrderExample } from '@shopstream/commerce-contracts';
import { writeResults, type Row } from './report';
import { startStack, type RunningStack } from './stack-runner';

const RATE = Number(process.env['BENCH_RATE'] ?? 50);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const POLL_MS = 25;
const SKU = 'SKU-TEE-BLK-M';

interface Placed {
  orderId: string;
  customerId: string;
  acceptedAt: number;
  rank: number;
}

type Check = (stack: RunningStack, order: Placed) => Promise<boolean>;

const ok = async (url: string): Promise<boolean> => (await fetch(url)).status === 200;

const CHECKS: Record<string, Check> = {
  'order-store': (s, o) => ok(`${s.url('order-store')}/orders/${o.orderId}`),
  mailer: async (s, o) =>
    ((await (await fetch(`${s.url('mailer')}/messages?orderId=${o.orderId}`)).json()) as unknown[])
      .length > 0,
  shipping: (s, o) => ok(`${s.url('shipping')}/shipments/${o.orderId}`),
  crm: (s, o) => ok(`${s.url('crm')}/customers/${o.customerId}`),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const stack = await startStack(40_000);
  const latencies: Record<string, number[]> = Object.fromEntries(
    ['order-store', 'mailer', 'shipping', 'stock', 'crm', 'promo-counter'].map((n) => [n, []]),
  );
  const pending = new Map<string, Placed[]>(Object.keys(latencies).map((n) => [n, []]));
  let placing = true;
  const acceptedAt: number[] = [];
  const baseCounted = (
    (await (await fetch(`${stack.url('promo-counter')}/promos`)).json()) as {
      ordersCounted: number;
    }
  ).ordersCounted;

  // Pollers: one loop per service over its pending orders.
  const pollers = Object.keys(latencies).map(async (service) => {
    while (placing || pending.get(service)!.length > 0) {
      const now = performance.now();
      const list = pending.get(service)!;
      if (service === 'promo-counter') {
        const { ordersCounted } = (await (
          await fetch(`${stack.url('promo-counter')}/promos`)
        ).json()) as { ordersCounted: number };
        while (list.length > 0 && list[0]!.rank < ordersCounted - baseCounted)
          latencies[service]!.push(now - list.shift()!.acceptedAt);
      } else if (service === 'stock') {
        const { movements } = (await (
          await fetch(`${stack.url('stock')}/stock/${SKU}/movements`)
        ).json()) as {
          movements: Array<{ orderId: string }>;
        };
        const seen = new Set(movements.map((m) => m.orderId));
        for (const o of [...list]) {
          if (seen.has(o.orderId)) {
            latencies[service]!.push(now - o.acceptedAt);
            list.splice(list.indexOf(o), 1);
          }
        }
      } else {
        const done = await Promise.all(list.map((o) => CHECKS[service]!(stack, o)));
        const finished = list.filter((_, i) => done[i]);
        for (const o of finished) {
          latencies[service]!.push(now - o.acceptedAt);
          list.splice(list.indexOf(o), 1);
        }
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  });

  // The load: RATE orders per second, each one POST, paced by the clock (not by responses).
  const total = RATE * SECONDS;
  const start = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    posts.push(
      (async () => {
        const customer = {
          id: `cus_bench_${i}`,
          email: `bench-${i}@example.com`,
          name: `Bench ${i}`,
        };
        const res = await fetch(`${stack.url('order-api')}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ...createOrderExample,
            customer,
            items: [{ sku: SKU, quantity: 1 }],
          }),
        });
        if (res.status !== 202) throw new Error(`POST /orders: ${res.status} ${await res.text()}`);
        const { orderId } = (await res.json()) as { orderId: string };
        const placed = {
          orderId,
          customerId: customer.id,
          acceptedAt: performance.now(),
          rank: acceptedAt.length,
        };
        acceptedAt.push(placed.acceptedAt);
        for (const list of pending.values()) list.push(placed);
      })(),
    );
  }
  await Promise.all(posts);
  const achievedRate = total / ((performance.now() - start) / 1000);
  placing = false;
  await Promise.all(pollers);
  await stack.stop();

  const rows: Row[] = Object.entries(latencies).map(([service, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      service,
      effects: sorted.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? 0,
    };
  });
  rows.sort((a, b) => Number(b['p95Ms']) - Number(a['p95Ms']));
  writeResults('suite-latency', rows, {
    ratePerSecond: RATE,
    achievedRatePerSecond: Number(achievedRate.toFixed(1)),
    orders: total,
    seconds: SECONDS,
    pollMs: POLL_MS,
    slowest: rows[0]?.['service'],
    stack: 'local stack (broker fsync always), every process on this machine',
    node: process.version,
    cpu: cpus()[0]?.model,
    cores: availableParallelism(),
  });
}

void main();
