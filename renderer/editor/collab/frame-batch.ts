/**
 * Remote changes arrive one WebSocket message each: a colleague typing fast, or a thousand changes
 * after a reconnect, was a Yjs transaction, a Lexical update and a reconcile of the editor per
 * message, each in its own task, so typing in the window stuttered while they came in. The window
 * instead holds them until the next frame and applies them together: one transaction, one update.
 */
import { createDecoder, readVarString, readVarUint } from 'lib0/decoding';

/** Hocuspocus's message type for Yjs sync messages, and y-protocols' sync type for an update. */
const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;

/** Whether a stream message is a document update (the only kind held for the frame). */
export function isDocumentUpdate(data: ArrayBuffer | Uint8Array): boolean {
  try {
    const decoder = createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
    readVarString(decoder);
    return readVarUint(decoder) === MESSAGE_SYNC && readVarUint(decoder) === SYNC_UPDATE;
  } catch {
    return false;
  }
}

/**
 * A hidden window draws no frames (requestAnimationFrame waits until it is shown): held changes
 * are applied after this long at the latest, so main's and the other windows' text still arrives.
 */
const LATEST_MS = 100;

/** Holds items until the next frame, then hands them to `apply` in arrival order, all at once. */
export class FrameBatch<T> {
  private held: T[] = [];
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly apply: (items: T[]) => void) {}

  add(item: T): void {
    this.held.push(item);
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(), LATEST_MS);
    if (typeof requestAnimationFrame === 'function') this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Applies what is held now: before any message that must come after it, and at each frame. */
  flush(): void {
    this.cancel();
    if (this.held.length === 0) return;
    const items = this.held;
    this.held = [];
    this.apply(items);
  }

  /** Forgets what is held (the window's document is being thrown away). */
  drop(): void {
    this.cancel();
    this.held = [];
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    this.timer = null;
    this.frame = null;
  }
}
