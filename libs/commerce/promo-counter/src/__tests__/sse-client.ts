/**
 * A real HTTP client of `text/event-stream` for the tests: `fetch` and the body's stream
 * reader, parsed per the WHATWG rules the service writes by (events end at a blank line,
 * `:` lines are comments).
 */
export interface ServerSentEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseConnection {
  status: number;
  contentType: string | null;
  /** Comments received so far (heartbeats, the shutdown notice). */
  comments: string[];
  /** The next event matching `predicate` (earlier ones are consumed). */
  next(predicate?: (e: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves when the server ends the response. */
  ended(timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openSse(url: string): Promise<SseConnection> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const queue: ServerSentEvent[] = [];
  const comments: string[] = [];
  let buffer = '';
  let done = false;
  let wake: () => void = () => undefined;

  const pump = (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseBlock(buffer.slice(0, end), queue, comments);
          buffer = buffer.slice(end + 2);
        }
        wake();
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      wake();
    }
  })();

  const until = async (ready: () => boolean, timeoutMs: number, what: string): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    comments,
    async next(predicate = () => true, timeoutMs = 10_000) {
      let found: ServerSentEvent | undefined;
      await until(
        () => {
          while (queue.length > 0) {
            const e = queue.shift()!;
            if (predicate(e)) {
              found = e;
              return true;
            }
          }
          if (done) throw new Error('the stream ended');
          return false;
        },
        timeoutMs,
        'matching event',
      );
      return found!;
    },
    async ended(timeoutMs = 10_000) {
      await until(() => done, timeoutMs, 'end of the stream');
      await pump;
    },
    close: () => abort.abort(),
  };
}

function parseBlock(block: string, queue: ServerSentEvent[], comments: string[]): void {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  let sawField = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
    else continue;
    sawField = true;
  }
  if (sawField && data.length > 0) queue.push({ event, id, data: data.join('\n') });
}
