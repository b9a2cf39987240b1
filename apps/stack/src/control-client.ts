// Talks to a running stack's control API (see libs/shared/local-infra/src/stack/control-server.ts).
import { type ServiceStatus } from '@shopstream/local-infra';

export async function controlRequest<T = ServiceStatus[]>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { method, signal: AbortSignal.timeout(120_000) });
  } catch {
    throw new Error(`no stack answers at ${base}: is \`npm start\` running?`);
  }
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export function formatStatus(statuses: ServiceStatus[] | ServiceStatus): string {
  const list = Array.isArray(statuses) ? statuses : [statuses];
  return list
    .map((s) =>
      `${s.name.padEnd(14)} ${s.state.padEnd(9)} ${s.pid ? `pid ${s.pid}` : ''}`.trimEnd(),
    )
    .join('\n');
}
