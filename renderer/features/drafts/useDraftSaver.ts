/**
 * The one saver per open draft. Every change (the body from the editor, the title and standfirst,
 * metadata patches from the side panels) goes through it, so saves are serialized and each carries
 * the revision it was based on. A save the server refuses with CONFLICT is never retried
 * blindly: the saver stops and waits for the user's choice. A save that fails because the
 * server is unreachable keeps its changes and retries.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorState, Post } from '../../../common/domain';
import { ClientError, type Client } from '../../api/client';
import { status } from '../../shell/status-store';
import type { DraftPatch } from './DraftSidePanels';

export const SAVE_DEBOUNCE_MS = 600;
const RETRY_MS = [1000, 2000, 4000, 8000];

export type SaverPhase =
  | { kind: 'clean' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; reason: string; currentRevision: number };

export interface SaverSnapshot {
  phase: SaverPhase;
  /** The last revision the server acknowledged. */
  revision: number;
  /** The post as last stored (after the last acknowledged save). */
  post: Post;
  /** The post was a colleague's change taken in (adopt), not this window's own save. */
  adopted: boolean;
}

export class DraftSaver {
  private snapshot: SaverSnapshot;
  private readonly listeners = new Set<() => void>();
  private patch: DraftPatch = {};
  private bodyDirty = false;
  /** The body as last stored, serialized (or how to serialize it, on first need): a save whose body equals it sends no body. */
  private baseline: string | (() => string) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly client: Client,
    post: Post,
    private readonly getBody: () => EditorState | null,
  ) {
    this.snapshot = { phase: { kind: 'clean' }, revision: post.revision, post, adopted: false };
  }

  get state(): SaverSnapshot {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<SaverSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    const p = this.snapshot.phase;
    if (p.kind === 'pending' || p.kind === 'saving') status.setSave({ kind: 'saving' });
    else if (p.kind === 'clean') status.setSave({ kind: 'saved', at: Date.now() });
    else status.setSave({ kind: 'failed', reason: p.reason });
    for (const l of this.listeners) l();
  }

  hasUnsaved(): boolean {
    return this.bodyDirty || Object.keys(this.patch).length > 0 || this.running !== null;
  }

  setBaseline = (json: string | (() => string)): void => {
    this.baseline = json;
  };

  private storedBody(): string | null {
    if (typeof this.baseline === 'function') this.baseline = this.baseline();
    return this.baseline;
  }

  /** Called on every editor change: O(1), the body is serialized only when the save runs. */
  bodyChanged = (): void => {
    this.bodyDirty = true;
    this.schedule();
  };

  queuePatch = (patch: DraftPatch): void => {
    Object.assign(this.patch, patch);
    this.schedule();
  };

  private schedule(delay = SAVE_DEBOUNCE_MS) {
    if (this.snapshot.phase.kind === 'conflict' || this.disposed) return;
    if (this.snapshot.phase.kind === 'clean' || this.snapshot.phase.kind === 'failed') this.set({ phase: { kind: 'pending' } });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Saves everything pending now; resolves when it is stored (or has failed). */
  flush = async (): Promise<void> => {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (this.snapshot.phase.kind === 'conflict') return;
    if (!this.bodyDirty && Object.keys(this.patch).length === 0) return;
    this.running = this.saveOnce().finally(() => {
      this.running = null;
    });
    await this.running;
    const after = this.state.phase.kind as SaverPhase['kind'];
    if (after !== 'conflict' && after !== 'failed' && this.hasUnsaved()) await this.flush();
  };

  private async saveOnce(): Promise<void> {
    const patch = this.patch;
    const withBody = this.bodyDirty;
    this.patch = {};
    this.bodyDirty = false;
    let body = withBody ? this.getBody() : null;
    const json = body ? JSON.stringify(body) : null;
    // Selection-only or normalizing updates (a plugin registering, a transform) change nothing worth a revision.
    if (json !== null && json === this.storedBody()) body = null;
    if (!body && Object.keys(patch).length === 0) {
      this.set({ phase: { kind: 'clean' } });
      return;
    }
    this.set({ phase: { kind: 'saving' } });
    try {
      const post = await this.client.call('posts.update', {
        id: this.snapshot.post.id,
        baseRevision: this.snapshot.revision,
        ...patch,
        ...(body ? { body } : {}),
      });
      this.failures = 0;
      if (body && json !== null) this.baseline = json;
      const more = this.bodyDirty || Object.keys(this.patch).length > 0;
      this.set({ post, revision: post.revision, adopted: false, phase: more ? { kind: 'pending' } : { kind: 'clean' } });
    } catch (err) {
      // Put the unsaved changes back (newer edits made meanwhile win over the failed ones).
      this.patch = { ...patch, ...this.patch };
      if (withBody) this.bodyDirty = true;
      const e = err instanceof ClientError ? err : new ClientError({ code: 'INTERNAL', message: (err as Error).message });
      const currentRevision = (e.details as { currentRevision?: number } | undefined)?.currentRevision;
      if (e.code === 'CONFLICT' && typeof currentRevision === 'number') {
        this.set({ phase: { kind: 'conflict', reason: e.message, currentRevision } });
        return;
      }
      if (e.code === 'INTERNAL') {
        // Unreachable server or a transient failure: keep everything and try again.
        const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
        this.failures++;
        this.set({ phase: { kind: 'failed', reason: `${e.message} Retrying in ${wait / 1000} s; your text is kept in this window.` } });
        // Retries go on even after the view closed (area switch while the server is down): the
        // saver still holds the editor, and a later conflict is shown, never silently lost.
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), wait);
        return;
      }
      // The server refused the content itself (a taken slug, an invalid field): drop the refused
      // metadata so the body can still be stored, and say what was refused.
      this.patch = {};
      this.set({ phase: { kind: 'failed', reason: e.message } });
      if (withBody && Object.keys(patch).length > 0 && !this.disposed) this.timer = setTimeout(() => void this.flush(), 0);
      else this.bodyDirty = false;
    }
  }

  /**
   * Takes a newer stored post as the one this window edits (a colleague's change to a co-edited
   * draft), when nothing here waits to be saved: the next save is based on it. Not a save, so the
   * status bar's "Saved" is left alone. False when it was not taken.
   */
  adopt(post: Post): boolean {
    if (this.hasUnsaved() || this.snapshot.phase.kind === 'conflict' || post.revision <= this.snapshot.revision) return false;
    this.snapshot = { ...this.snapshot, post, revision: post.revision, adopted: true };
    for (const l of this.listeners) l();
    return true;
  }

  /** What this window holds that the server refused, for "keep mine as a copy". */
  unsavedBody(): EditorState | null {
    return this.getBody();
  }

  /** (Re)starts after dispose; React's development double-mount disposes once before the real mount. */
  activate(): void {
    this.disposed = false;
  }

  dispose(): void {
    void this.flush();
    this.disposed = true;
  }
}

/** One saver for the open draft, flushed on window blur, hide and close and when the view goes away. */
export function useDraftSaver(client: Client, post: Post, getBody: () => EditorState | null): DraftSaver {
  const [saver] = useState(() => new DraftSaver(client, post, getBody));
  useEffect(() => {
    saver.activate();
    const flush = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saver.hasUnsaved()) return;
      flush();
      // Ask the browser to hold the window while the last save is in flight.
      e.preventDefault();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      saver.dispose();
    };
  }, [saver]);
  return saver;
}

/** One field of the saver's state; the component re-renders only when that field changes. */
export function useSaverField<K extends keyof SaverSnapshot>(saver: DraftSaver, key: K): SaverSnapshot[K] {
  return useSyncExternalStore(saver.subscribe, () => saver.state[key]);
}
