/**
 * Importing a guest author's file as a new draft: detect the format, convert it, then in one
 * transaction create the post, store its embedded images as assets, take the first revision
 * and attach a copied page's reader comments. A file that cannot be read imports nothing.
 */
import type { DB } from '../../db/connection';
import type { EditorState, Post } from '../../common/domain';
import { AppError } from '../../common/errors';
import { fitTitle, TITLE_MAX } from '../../common/text';
import { build, type SerializedBlock, type SerializedEditorState } from '../../common/editor/serialized';
import { createPost, findPostRow, replacePostText, getPost } from '../../db/repos/posts';
import { saveAsset } from '../../db/repos/assets';
import { takeSnapshot } from '../../db/repos/revisions';
import { nowIso } from '../../db/clock';
import type { DraftDocument, DraftFormat } from './document';
import { detectDraftFormat } from './detect';
import { decodeText } from './text-decode';
import { parseDocxDraft } from './docx';
import { parseHtmlDraft } from './html';
import { parseMarkdownDraft } from './markdown';
import { parseTextDraft } from './text';
import { parsePageTextDraft } from './page-text-draft';
import { insertPageComments } from './page-comments';

export const MAX_DRAFT_FILE_BYTES = 50 * 1024 * 1024;

export interface ImportedDraft {
  post: Post;
  format: DraftFormat;
  words: number;
  comments: number;
  warnings: string[];
}

/** Reads a file into a draft document without touching the store. */
export async function readDraftFile(fileName: string, data: Uint8Array, format?: DraftFormat): Promise<DraftDocument> {
  if (data.length === 0) throw new AppError('IMPORT_FAILED', `${fileName}: the file is empty. Nothing was imported.`);
  if (data.length > MAX_DRAFT_FILE_BYTES) {
    throw new AppError('IMPORT_FAILED', `${fileName}: ${(data.length / 1048576).toFixed(1)} MB is over the 50 MB limit for a draft. Nothing was imported.`);
  }
  let text: string | null = null;
  const getText = () => (text ??= decodeText(fileName, data));
  const chosen = format ?? detectDraftFormat(fileName, data, getText);
  try {
    return fitDocumentTitle(await convert(chosen, fileName, data, getText));
  } catch (err) {
    // The converters say what is wrong with a file they understand; anything else they meet still
    // names the file and changes nothing, never a raw exception.
    if (err instanceof AppError) throw err;
    const what = err instanceof RangeError && /call stack/i.test(err.message) ? 'its markup is nested too deeply to read' : `it could not be read as ${chosen} (${(err as Error).message})`;
    throw new AppError('IMPORT_FAILED', `${fileName}: ${what}. Nothing was imported.`);
  }
}

/** A title longer than a post holds is cut, and the import says so in its warnings. */
function fitDocumentTitle(doc: DraftDocument): DraftDocument {
  const { title, cutFrom } = fitTitle(doc.title);
  if (cutFrom === null) return doc;
  const warning = `The title was cut to ${TITLE_MAX} characters, the most a title can hold (the file's title has ${cutFrom.toLocaleString('en-GB')}); it now ends "…${title.slice(-40)}".`;
  return { ...doc, title, warnings: [warning, ...doc.warnings] };
}

async function convert(chosen: DraftFormat, fileName: string, data: Uint8Array, getText: () => string): Promise<DraftDocument> {
  switch (chosen) {
    case 'docx':
      return parseDocxDraft(data, fileName);
    case 'html':
      return parseHtmlDraft(getText(), fileName);
    case 'markdown':
      return parseMarkdownDraft(getText(), fileName);
    case 'page-text':
      return parsePageTextDraft(getText(), fileName);
    default:
      return parseTextDraft(getText(), fileName);
  }
}

/** Moves data: images (also those in table cells) into the assets table; an image whose bytes are not a real picture is left out. */
function storeImages(db: DB, postId: string, body: SerializedEditorState, warnings: string[]): boolean {
  let changed = false;
  let n = 0;
  const store = (blocks: SerializedBlock[]): SerializedBlock[] => {
    const kept: SerializedBlock[] = [];
    for (const block of blocks) {
      if (block.type === 'table') {
        for (const row of block.children) for (const cell of row.children) cell.children = store(cell.children);
        kept.push(block);
        continue;
      }
      if (block.type !== 'image' || !block.src.startsWith('data:')) {
        kept.push(block);
        continue;
      }
      n++;
      changed = true;
      const m = /^data:image\/(\w+);base64,(.*)$/s.exec(block.src);
      try {
        if (!m) throw new AppError('BAD_INPUT', 'not a base64 image');
        const asset = saveAsset(db, { postId, fileName: `image-${n}.${m[1] === 'jpeg' ? 'jpg' : m[1]}`, data: Buffer.from(m[2], 'base64') });
        kept.push({ ...block, src: `asset:${asset.id}` });
      } catch (err) {
        warnings.push(`Image ${n}${block.altText ? ` ("${block.altText.slice(0, 60)}")` : ''} was left out: ${(err as Error).message}`);
      }
    }
    return kept.length ? kept : [build.paragraph([])];
  };
  const stored = store(body.root.children);
  if (changed) body.root.children = stored;
  return changed;
}

export async function importDraft(db: DB, fileName: string, data: Uint8Array): Promise<ImportedDraft> {
  return storeDraft(db, fileName, await readDraftFile(fileName, data));
}

/** Stores a document read by readDraftFile as a new draft, in one transaction (a savepoint when nested). */
export function storeDraft(db: DB, fileName: string, doc: DraftDocument): ImportedDraft {
  const warnings = [...doc.warnings];
  return db.transaction(() => {
    const created = createPost(db, {
      title: doc.title,
      standfirst: doc.standfirst,
      ...(doc.label ? { label: doc.label } : {}),
      body: doc.body as unknown as EditorState,
      source: 'file',
      sourceId: fileName.replace(/^.*[\\/]/, '').slice(0, 255),
    });
    const now = nowIso();
    if (storeImages(db, created.id, doc.body, warnings)) {
      replacePostText(db, created.id, { title: created.title, standfirst: created.standfirst, body: doc.body as unknown as EditorState }, now);
    }
    // The text as imported is the first revision, so the author's original is always one click away.
    takeSnapshot(db, findPostRow(db, { id: created.id })!, `imported from ${fileName.replace(/^.*[\\/]/, '').slice(0, 150)}`, now);
    const comments = doc.comments.length ? insertPageComments(db, created.id, doc.comments) : 0;
    const post = getPost(db, { id: created.id });
    return { post, format: doc.format, words: post.wordCount, comments, warnings };
  })();
}
