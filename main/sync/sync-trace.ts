/**
 * A trace of the live sync, for finding a stall that only shows on some machines: with
 * WORKBENCH_SYNC_TRACE=1 the app prints each document's provider events and each apply to
 * stderr, one line each, with the time. Off (the default) it costs one property read per event.
 */
const on = process.env.WORKBENCH_SYNC_TRACE === '1';
const started = Date.now();

export function syncTrace(event: string, detail: Record<string, unknown> = {}): void {
  if (!on) return;
  console.error(`sync-trace +${Date.now() - started}ms ${event} ${JSON.stringify(detail)}`);
}
