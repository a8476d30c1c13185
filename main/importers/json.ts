/**
 * JSON comments: the array `workbench comments --json` prints, so an export re-imports
 * unchanged (same source, post and source id). Read element by element: a splitter finds each
 * top-level object's end, so memory holds one comment at a time.
 */
import { z } from 'zod';
import { CommentStatus, CommentType } from '../../common/domain';
import { ImportParseError, type Importer } from './types';

const JsonComment = z.object({
  id: z.string().max(100).optional(),
  source: z.string().max(40).optional(),
  sourceId: z.union([z.string().max(200), z.number()]).optional(),
  post: z.string().max(2000).nullable().optional(),
  parentId: z.string().max(100).nullable().optional(),
  parentSourceId: z.union([z.string().max(200), z.number()]).nullable().optional(),
  author: z.object({
    name: z.string().max(500).default(''),
    role: z.string().max(500).default(''),
    organisation: z.string().max(500).default(''),
    email: z.string().max(500).default(''),
    url: z.string().max(2000).default(''),
  }).partial().default({}),
  postedAt: z.string().max(40).nullable().optional(),
  // No default here: a comment without a status arrives pending (see emit), never approved.
  status: CommentStatus.optional(),
  type: CommentType.default('comment'),
  text: z.string().max(1_000_000).optional(),
  html: z.string().max(2_000_000).optional(),
  flags: z.array(z.string().max(40)).max(20).default([]),
});

/** Flags the importer derives itself; re-imports recompute them instead of trusting the file. */
const DERIVED_FLAGS = new Set(['orphan']);

export const parseJson: Importer = async (chunks, sink, { fileName }) => {
  // Ids of this file's comments -> their source ids, so parentId (our id) resolves to a source id.
  const sourceIdOf = new Map<string, string>();
  let depth = 0;
  let inString = false;
  let escape = false;
  let buf = '';
  let line = 1;
  let col = 0;
  let startLine = 1;
  let startCol = 1;
  let sawArray = false;
  let count = 0;

  const emit = () => {
    let raw: unknown;
    try {
      raw = JSON.parse(buf);
    } catch (err) {
      throw new ImportParseError(`${fileName}:${startLine}:${startCol}: ${(err as Error).message}`);
    }
    const parsed = JsonComment.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportParseError(`${fileName}:${startLine}:${startCol}: ${issue.path.join('.') || 'comment'}: ${issue.message}`);
    }
    const c = parsed.data;
    count++;
    const sourceId = String(c.sourceId ?? c.id ?? `item-${count}`);
    if (c.id) sourceIdOf.set(c.id, sourceId);
    const parent = c.parentSourceId != null ? String(c.parentSourceId) : c.parentId ? (sourceIdOf.get(c.parentId) ?? c.parentId) : null;
    sink.comment({
      sourceId,
      source: c.source,
      postKey: c.post ?? null,
      parentSourceId: parent,
      author: { name: '', role: '', organisation: '', email: '', url: '', ...c.author },
      postedAt: c.postedAt ?? null,
      body: c.html ?? c.text ?? '',
      bodyIsHtml: c.html !== undefined,
      status: c.status ?? 'pending',
      statusDefaulted: c.status ? undefined : 'no "status" field',
      type: c.type,
      flags: c.flags.filter((f) => !DERIVED_FLAGS.has(f)),
      at: `${fileName}:${startLine}:${startCol}`,
    });
  };

  for await (const chunk of chunks) {
    let start = depth >= 2 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (ch === '\n') {
        line++;
        col = 0;
      } else col++;
      if (inString) {
        if (escape) escape = false;
        else if (ch === '\\') escape = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') {
        inString = true;
        if (depth < 1) throw new ImportParseError(`${fileName}:${line}:${col}: expected an array of comments ([ ... ])`);
        continue;
      }
      if (ch === '[' || ch === '{') {
        if (depth === 0) {
          if (ch !== '[') throw new ImportParseError(`${fileName}:${line}:${col}: expected an array of comments ([ ... ]), found an object`);
          sawArray = true;
        } else if (depth === 1) {
          if (ch !== '{') throw new ImportParseError(`${fileName}:${line}:${col}: each comment must be an object`);
          start = i;
          buf = '';
          startLine = line;
          startCol = col;
        }
        depth++;
      } else if (ch === ']' || ch === '}') {
        depth--;
        if (depth < 0) throw new ImportParseError(`${fileName}:${line}:${col}: unexpected "${ch}"`);
        if (depth === 1) {
          buf += chunk.slice(start, i + 1);
          start = -1;
          emit();
        }
      } else if (depth <= 1 && !/[\s,]/.test(ch)) {
        throw new ImportParseError(`${fileName}:${line}:${col}: unexpected "${ch}"; expected an array of comment objects`);
      }
      if (buf.length > 4_000_000) throw new ImportParseError(`${fileName}:${startLine}:${startCol}: a comment larger than 4 MB`);
    }
    if (start >= 0) buf += chunk.slice(start);
  }
  if (!sawArray) throw new ImportParseError(`${fileName}:1:1: the file is empty; expected an array of comments`);
  if (depth !== 0 || inString) throw new ImportParseError(`${fileName}:${line}:${col}: the file ends inside ${inString ? 'a string' : 'an unclosed array or object'}`);
};
