/** Tests' draft bodies: paragraphs of plain text, and a post's text as each store holds it. */
import type { EditorState } from '../../../common/domain';
import * as Y from 'yjs';
import { build } from '../../../common/editor/serialized';
import type { DB } from '../../../db/connection';
import { readBody } from '../body-binding';

export function bodyOf(paragraphs: string[]): EditorState {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs.map((p) => build.paragraph([build.text(p)])) } } as never;
}

/** The paragraphs' text of a body. */
export function paragraphsOf(body: { root: { children: unknown[] } }): string[] {
  const text = (n: { text?: string; children?: unknown[] }): string => n.text ?? (n.children ?? []).map((c) => text(c as never)).join('');
  return body.root.children.map((c) => text(c as never));
}

export const docParagraphs = (doc: Y.Doc): string[] => paragraphsOf(readBody(Y.encodeStateAsUpdate(doc)));

export const rowText = (db: DB, id: string): string => db.prepare('SELECT body_text FROM posts WHERE id = ?').pluck().get(id) as string;

export async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
