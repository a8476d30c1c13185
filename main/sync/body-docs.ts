/**
 * The main process's holder of draft bodies as Yjs documents (`body/<postId>`). A body is loaded
 * from the store's SQLite file (LocalDocs: every update is appended to sync_doc_updates in Yjs's
 * synchronous `update` event, so it is on disk before anything acknowledges it) and kept connected
 * to the team server through the session's one socket. A window's editor (through the stream
 * channel) and main's own readers and writers (projection, API saves) share the same Y.Doc, so two
 * windows on one laptop co-edit like two members.
 */
import type * as Y from 'yjs';
import { AppError } from '../../common/errors';
import { parseDocumentName } from '../../common/sync/documents';
import type { LocalDocs } from './local-docs';

export const bodyDocName = (postId: string): string => `body/${postId}`;

export class BodyDocs {
  private readonly holders = new Map<string, number>();

  /**
   * connect opens the document's provider on the session's socket (a no-op while offline);
   * released hears that the last holder let go of it.
   */
  constructor(
    private readonly docs: LocalDocs,
    private readonly connect: (name: string) => void = () => undefined,
    private readonly released: (name: string) => void = () => undefined,
  ) {}

  /** The post's body document, loaded from disk and kept syncing until every holder released it. */
  open(postId: string): Y.Doc {
    const name = bodyDocName(postId);
    if (!parseDocumentName(name)) throw new AppError('BAD_INPUT', `"${postId}" is not a post id.`);
    this.holders.set(postId, (this.holders.get(postId) ?? 0) + 1);
    const doc = this.docs.get(name);
    this.connect(name);
    return doc;
  }

  /**
   * One holder is done with the body. The document itself stays loaded and syncing: the headless
   * projection keeps the posts table following it with no window open.
   */
  release(postId: string): void {
    const n = (this.holders.get(postId) ?? 0) - 1;
    if (n > 0) return void this.holders.set(postId, n);
    this.holders.delete(postId);
    this.released(bodyDocName(postId));
  }

  /** How many holders (windows, saves) have the body open now. */
  holdersOf(postId: string): number {
    return this.holders.get(postId) ?? 0;
  }
}
