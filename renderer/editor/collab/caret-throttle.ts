/**
 * Lexical's binding writes this window's caret into its awareness state on every keystroke, and
 * the provider sent each one: per key, a message to main, which relays it to every window on the
 * draft and to the team server, which relays it to every member. The window now sends its caret
 * at most every CARET_MS, at its latest position: a colleague sees it that much later at most.
 */
export const CARET_MS = 80;

/** Holds the awareness clients whose state moved, and hands them on at most every CARET_MS. */
export class CaretThrottle {
  private held = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (clients: number[]) => void) {}

  add(clients: number[]): void {
    for (const client of clients) this.held.add(client);
    this.timer ??= setTimeout(() => this.flush(), CARET_MS);
  }

  /** Sends what is held now: before a state appears or goes, so the order holds. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.held.size === 0) return;
    const clients = [...this.held];
    this.held.clear();
    this.send(clients);
  }

  drop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.held.clear();
  }
}
