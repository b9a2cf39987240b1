// Placing orders over HTTP and reading their effects back through each service's own API.
import { randomUUID } from 'node:crypto';
import { createOrderExample, type CreateOrderRequest } from '@shopstream/commerce-contracts';
import { waitFor } from '@shopstream/sps-testing';
import { type ShopStack } from './shop-stack';

/** A valid order for a customer no other test uses (so mails and rows are attributable). */
export function newOrderBody(overrides: Partial<CreateOrderRequest> = {}): CreateOrderRequest {
  const id = randomUUID().slice(0, 8);
  return {
    ...createOrderExample,
    customer: { id: `cus_${id}`, email: `buyer-${id}@example.com`, name: `Buyer ${id}` },
    ...overrides,
  };
}

export interface Accepted {
  orderId: string;
  stream: string;
  partition: number;
  index: number;
}

export async function placeOrder(
  stack: ShopStack,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${stack.url('order-api')}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json();
  return { status: res.status, body: json };
}

export async function placeValidOrder(stack: ShopStack, body = newOrderBody()): Promise<Accepted> {
  const { status, body: accepted } = await placeOrder(stack, body);
  if (status !== 202)
    throw new Error(`POST /orders answered ${status}: ${JSON.stringify(accepted)}`);
  return accepted as Accepted;
}

/** GET a JSON resource; `undefined` on 404. */
export async function getJson<T>(url: string): Promise<T | undefined> {
  const res = await fetch(url);
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Waits until order-store has the order, and returns it. */
export function storedOrder(
  stack: ShopStack,
  orderId: string,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  return waitFor(
    () => getJson<Record<string, unknown>>(`${stack.url('order-store')}/orders/${orderId}`),
    {
      timeoutMs,
      intervalMs: 100,
      description: `order ${orderId} in order-store`,
    },
  );
}

/** Mails the catcher received for one address. */
export async function mailsTo(stack: ShopStack, address: string) {
  return (await stack.inbox.list()).filter((m) => m.to.some((t) => t.address === address));
}

/** Waits until a consumer group has handled everything on a stream (lag 0 and members present). */
export async function caughtUp(stack: ShopStack, group: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    async () => {
      const description = await stack.sps.admin().describeGroup(group);
      return description.members.length > 0 && description.totalLag === 0;
    },
    { timeoutMs, intervalMs: 200, description: `group ${group} to catch up` },
  );
}
