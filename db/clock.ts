/** The store's notion of now: ISO 8601 UTC with milliseconds, the format every timestamp column holds. */
export function nowIso(): string {
  return new Date().toISOString();
}
