/**
 * Server-sent events on the wire (WHATWG HTML, "Server-sent events"): UTF-8 lines, an event
 * is `event:`, `id:` and `data:` lines ended by a blank line; a line starting with `:` is a
 * comment, which clients ignore (a heartbeat). `retry:` tells a client how long to wait
 * before it reconnects.
 */

/** One event. `data` is JSON on one line (JSON.stringify escapes every newline). */
export function sseEvent(event: string, id: number | string, data: unknown): string {
  return `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line, e.g. a heartbeat; `text` must not contain a newline. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** The reconnection delay for clients, in ms. */
export function sseRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}
