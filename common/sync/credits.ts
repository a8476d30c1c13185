/**
 * Which posts each author is credited on, read from the workspace's `bylines` document. A guest
 * author may open only the documents of those posts: the server keeps the document loaded to
 * decide (and closes a guest's connections to a post they lose), and the guest's laptop reads its
 * own copy to open only those posts.
 *
 * The shared documents keep a row's columns as registers `<row key>|<column>` in the `fields` map
 * (main/sync/registers.ts); a byline's key is `byline:<post id>:<author id>`.
 */
import * as Y from 'yjs';

type Fields = Y.Map<{ v: unknown }>;
const fields = (doc: Y.Doc): Fields => doc.getMap('fields');

/** Every live credit in a bylines document: author id -> the posts they are credited on. */
export function creditsIn(bylines: Y.Doc): Map<string, Set<string>> {
  const map = fields(bylines);
  const out = new Map<string, Set<string>>();
  for (const [key, cell] of map) {
    if (!key.startsWith('byline:') || !key.endsWith('|author_id') || typeof cell.v !== 'string') continue;
    const row = key.slice(0, -'|author_id'.length);
    const post = map.get(`${row}|post_id`)?.v;
    if (typeof post !== 'string' || map.get(`${row}|deleted_at`)?.v != null) continue;
    const posts = out.get(cell.v) ?? new Set<string>();
    posts.add(post);
    out.set(cell.v, posts);
  }
  return out;
}

/** The authors in an authors document whose id or exact name is `who` (deleted ones left out). */
export function authorsMatching(authors: Y.Doc, who: string): Array<{ id: string; name: string }> {
  const map = fields(authors);
  const out: Array<{ id: string; name: string }> = [];
  for (const [key, cell] of map) {
    if (!key.startsWith('author:') || !key.endsWith('|name') || typeof cell.v !== 'string') continue;
    const id = key.slice('author:'.length, -'|name'.length);
    if (map.get(`author:${id}|deleted_at`)?.v != null) continue;
    if (id === who || cell.v === who) out.push({ id, name: cell.v });
  }
  return out;
}

/** The credits of a live bylines document, recomputed when it changes. */
export class Credits {
  private byAuthor: Map<string, Set<string>>;
  private readonly onUpdate: () => void;

  constructor(
    private readonly bylines: Y.Doc,
    onChange: (credits: Credits) => void,
  ) {
    this.byAuthor = creditsIn(bylines);
    this.onUpdate = () => {
      this.byAuthor = creditsIn(bylines);
      onChange(this);
    };
    bylines.on('update', this.onUpdate);
  }

  stop(): void {
    this.bylines.off('update', this.onUpdate);
  }

  credited(authorId: string | null, postId: string): boolean {
    return authorId !== null && (this.byAuthor.get(authorId)?.has(postId) ?? false);
  }
}
