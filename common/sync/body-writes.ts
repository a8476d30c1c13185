/**
 * Who may change a draft's body (`body/<postId>`), decided per update (issue 17 item 4).
 *
 * Editors and admins write the body. A guest author may only talk about the text: they may add
 * suggestions of their own, and accept or reject pending ones, but never change the text itself.
 * That is decided on the text readers would get (every pending suggestion rejected: the "accepted
 * text"): the update is applied to a copy of the document, and the accepted text after it must be
 * the accepted text before it with some of the suggestions it removed accepted and the others
 * rejected. So plain typing, deleting or reformatting unmarked words, or wrapping words in an
 * insertion (which would drop them) is refused, while a suggested insertion, deletion or format
 * change leaves the accepted text as it was. Besides, every suggestion the update adds or changes
 * must be the guest's own: nobody writes in another person's name or rewords their proposal.
 */
import * as Y from 'yjs';
import { SUGGESTION_TYPES, type SuggestionType } from '../editor/suggestions';
import { canWrite, refusalReason, type Role } from './documents';
import { TAKES_NO_SPACE_BEFORE } from '../editor/deleted-word-space';

export type WriteVerdict = { ok: true } | { ok: false; reason: string };

export interface BodyWriter {
  role: Role;
  /** The member's id: a guest's own suggestions carry it as their `authorId`. */
  memberId: string;
}

const OK: WriteVerdict = { ok: true };
const refused = (reason: string): WriteVerdict => ({ ok: false, reason });

/**
 * Whether this member may apply this update to a draft's body whose document is `current`
 * (left untouched: the update is tried on a copy).
 */
export function mayWriteBody(writer: BodyWriter, update: Uint8Array, current: Y.Doc): WriteVerdict {
  if (canWrite(writer.role, 'body')) return OK;
  if (writer.role !== 'guest-author') return refused(refusalReason(writer.role, 'body'));
  return suggestionOnly(current, update, writer.memberId);
}

const GUEST = 'A guest author may suggest changes, and accept or reject suggestions, but not edit the text directly';

/** The guest rule of the header: the update only suggests, accepts or rejects. */
export function suggestionOnly(current: Y.Doc, update: Uint8Array, memberId: string): WriteVerdict {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    const before = readBody(copy);
    const sharesBefore = new Set(copy.share.keys());
    const pendingBefore = copy.store.pendingStructs !== null;
    Y.applyUpdate(copy, update);
    if (!pendingBefore && copy.store.pendingStructs !== null) return refused(`${GUEST}: this update builds on changes the draft does not have, so what it does cannot be checked.`);
    if ([...copy.share.keys()].some((k) => !sharesBefore.has(k) && k !== 'root')) return refused(`${GUEST}: this update writes outside the draft's text.`);
    const after = readBody(copy);

    for (const [id, s] of after.suggestions) {
      const was = before.suggestions.get(id);
      if (was && was.signature === s.signature) continue;
      if (s.authorId !== memberId) {
        const what = was ? `changes a suggestion by ${was.authorName || 'someone else'}` : `adds a suggestion in the name of ${s.authorName || 'someone else'}`;
        return refused(`${GUEST}: this update ${what}; a guest author's suggestions are their own.`);
      }
      if (was && was.authorId !== memberId) return refused(`${GUEST}: this update changes a suggestion by ${was.authorName || 'someone else'}.`);
    }
    const settled = new Set([...before.suggestions.keys()].filter((id) => !after.suggestions.has(id)));
    const codes = new Codes();
    const tidy = spacesDeletionsMayTake(before, settled);
    if (!settles(before, new Set([...settled, ...tidy.keys()]), render(after, () => 'reject', codes), codes, tidy)) {
      return refused(`${GUEST}: this update changes the text itself (typing, deleting or formatting words that are not a suggestion).`);
    }
    return OK;
  } finally {
    copy.destroy();
  }
}

// ---- The body as units: each character, block edge, line break or picture, with the suggestions it is in.

interface Suggestion {
  id: string;
  type: SuggestionType;
  authorId: string;
  authorName: string;
  mask: number;
  /** Its kind, people, time and words as they are: a change to any of them is a change to the suggestion. */
  signature: string;
}

type Unit =
  | { kind: 'char'; ch: string; format: number; rest: string; in: Suggestion[] }
  | { kind: 'open' | 'atom'; sig: string; in: Suggestion[] }
  | { kind: 'close'; in: Suggestion[] }
  | { kind: 'br'; block: string; in: Suggestion[] };

interface Body {
  units: Unit[];
  suggestions: Map<string, Suggestion>;
}

const isSuggestionType = (t: unknown): t is SuggestionType => (SUGGESTION_TYPES as readonly unknown[]).includes(t);
/** The block properties that are the text's (not those Lexical keeps for the caret or renumbers itself). */
const BLOCK_KEYS = ['__type', '__format', '__indent', '__tag', '__listType', '__start', '__url', '__target', '__rel', '__title'];
const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));

function readBody(doc: Y.Doc): Body {
  const units: Unit[] = [];
  const suggestions = new Map<string, Suggestion>();
  const words = new Map<string, string[]>();
  const walk = (xml: Y.XmlText, stack: Suggestion[], block: string) => {
    let text: { format: number; rest: string } | null = null;
    for (const d of xml.toDelta() as Array<{ insert: unknown }>) {
      const insert = d.insert;
      if (typeof insert === 'string') {
        // Characters before any text node are dropped by Lexical's binding: not text.
        if (!text) continue;
        for (const ch of insert) {
          units.push({ kind: 'char', ch, format: text.format, rest: text.rest, in: stack });
          for (const s of stack) words.get(s.id)!.push(`${text.format}|${text.rest}|${ch}`);
        }
        continue;
      }
      text = null;
      if (insert instanceof Y.XmlText) {
        const a = insert.getAttributes() as Record<string, unknown>;
        if (isSuggestionType(a.__type)) {
          const id = String(a.__suggestionId ?? '');
          let s = suggestions.get(id);
          if (!s) {
            s = { id, type: a.__type, authorId: String(a.__authorId ?? ''), authorName: String(a.__authorName ?? ''), mask: typeof a.__formatMask === 'number' ? a.__formatMask : 0, signature: '' };
            s.signature = JSON.stringify([s.type, s.authorId, s.authorName, a.__at, s.mask]);
            suggestions.set(id, s);
            words.set(id, []);
          }
          words.get(id)!.push('|');
          walk(insert, [...stack, s], block);
        } else {
          const sig = sorted(Object.fromEntries(BLOCK_KEYS.filter((k) => k in a).map((k) => [k, a[k]])));
          units.push({ kind: 'open', sig, in: stack });
          walk(insert, stack, sig);
          units.push({ kind: 'close', in: stack });
        }
      } else if (insert instanceof Y.XmlElement) {
        units.push({ kind: 'atom', sig: sorted(insert.getAttributes() as Record<string, unknown>), in: stack });
        for (const s of stack) words.get(s.id)!.push('atom');
      } else if (insert instanceof Y.Map) {
        const p = insert.toJSON() as Record<string, unknown>;
        if (p.__type === 'linebreak') {
          units.push({ kind: 'br', block, in: stack });
          for (const s of stack) words.get(s.id)!.push('br');
        } else {
          text = { format: typeof p.__format === 'number' ? p.__format : 0, rest: JSON.stringify([p.__type, p.__style, p.__mode, p.__detail]) };
        }
      }
    }
  };
  walk(doc.get('root', Y.XmlText), [], '');
  for (const [id, s] of suggestions) s.signature += words.get(id)!.join('\u0000');
  return { units, suggestions };
}

// ---- Rendering: the accepted text under some decisions, as a string of two-code-unit pairs, so
// that texts compare (and prefix-match) as strings whatever Lexical's text nodes were.

type Decide = (s: Suggestion) => 'accept' | 'reject';
const OPEN = '\uE000';
const CLOSE = '\uE001\uE001';
const ATOM = '\uE002';
const BREAK = '\uE003\uE003';

/** Each distinct format or block gets one code, the same across the texts compared. */
class Codes {
  private readonly map = new Map<string, string>();
  of(key: string): string {
    let code = this.map.get(key);
    if (code === undefined) {
      if (this.map.size >= 0xf8ff - 0xe100) throw new Error('too many distinct formats to compare');
      code = String.fromCharCode(0xe100 + this.map.size);
      this.map.set(key, code);
    }
    return code;
  }
}
function renderUnit(u: Unit, decide: Decide, codes: Codes): string {
  let format = u.kind === 'char' ? u.format : 0;
  let accepted = false;
  // Innermost first, as the Suggestions panel settles them.
  for (let i = u.in.length - 1; i >= 0; i--) {
    const s = u.in[i];
    const how = decide(s);
    if (s.type === 'suggestion-insert') {
      if (how === 'reject') return '';
      accepted = true;
    } else if (s.type === 'suggestion-delete') {
      if (how === 'accept') return '';
    } else if (how === 'reject') format ^= s.mask;
  }
  switch (u.kind) {
    case 'char': {
      const code = codes.of(`t${format}|${u.rest}`);
      return code + u.ch.split('').join(code);
    }
    case 'open':
      return OPEN + codes.of(`b${u.sig}`);
    case 'atom':
      return ATOM + codes.of(`a${u.sig}`);
    case 'close':
      return CLOSE;
    case 'br':
      // An accepted suggested Enter splits its block, as Enter would have.
      return accepted ? CLOSE + OPEN + codes.of(`b${u.block}`) : BREAK;
  }
}

function render(body: Body, decide: Decide, codes: Codes): string {
  let out = '';
  for (const u of body.units) out += renderUnit(u, decide, codes);
  return out;
}

const isPlainSpace = (u: Unit | undefined) => u?.kind === 'char' && u.ch === ' ' && u.in.length === 0;

/**
 * The space each settled deletion may take with it when accepted (deleted-word-space.ts): the
 * plain space before it where it is followed by a space, closing punctuation or the end of its
 * block, or else the one after it where it starts its block. Each such space is marked as in a
 * deletion of its own (`tidy:<id>`, returned with the id it goes with), which `settles` may accept
 * only with that deletion.
 */
function spacesDeletionsMayTake(before: Body, settled: Set<string>): Map<string, string> {
  const tidy = new Map<string, string>();
  for (const id of settled) {
    const s = before.suggestions.get(id);
    if (s?.type !== 'suggestion-delete') continue;
    const first = before.units.findIndex((u) => u.in.includes(s));
    if (first < 0) continue;
    let last = first;
    while (last + 1 < before.units.length && before.units[last + 1].in.includes(s)) last++;
    const prev = before.units[first - 1];
    const next = before.units[last + 1];
    const endsHere = !next || next.kind === 'close' || next.kind === 'br' || (next.kind === 'char' && TAKES_NO_SPACE_BEFORE.test(next.ch));
    const space = isPlainSpace(prev) && endsHere ? prev : (!prev || prev.kind === 'open') && isPlainSpace(next) ? next : null;
    if (!space) continue;
    const mark: Suggestion = { ...s, id: `tidy:${id}`, signature: '' };
    space.in = [mark];
    before.suggestions.set(mark.id, mark);
    tidy.set(mark.id, id);
  }
  return tidy;
}

/**
 * Whether accepting some of `settled` and rejecting the rest (each suggestion one way throughout),
 * with every other suggestion left pending, gives `target` as the accepted text. A search over the
 * runs of units that a settled suggestion touches, trying accept and reject where undecided.
 */
function settles(before: Body, settled: Set<string>, target: string, codes: Codes, goesWith: Map<string, string> = new Map()): boolean {
  interface Run {
    ids: string[];
    units: Unit[];
  }
  const runs: Run[] = [];
  for (const u of before.units) {
    const ids = u.in.filter((s) => settled.has(s.id)).map((s) => s.id);
    const last = runs[runs.length - 1];
    if (last && last.ids.join() === ids.join()) last.units.push(u);
    else runs.push({ ids, units: [u] });
  }
  const lastRun = new Map<string, number>();
  runs.forEach((r, i) => r.ids.forEach((id) => lastRun.set(id, i)));
  // A deletion's space stays decided (in the memo's key) as long as the deletion is undecided.
  for (const [space, id] of goesWith) lastRun.set(space, Math.max(lastRun.get(space) ?? 0, lastRun.get(id) ?? 0));
  const decisions = new Map<string, 'accept' | 'reject'>();
  const consistent = () => [...goesWith].every(([space, id]) => !(decisions.get(space) === 'accept' && decisions.get(id) === 'reject'));
  const decide: Decide = (s) => (settled.has(s.id) ? decisions.get(s.id)! : 'reject');
  const failed = new Set<string>();

  const search = (i: number, pos: number): boolean => {
    if (i === runs.length) return pos === target.length;
    const live = [...decisions].filter(([id]) => lastRun.get(id)! >= i).map(([id, how]) => `${id}=${how}`).join();
    const key = `${i}:${pos}:${live}`;
    if (failed.has(key)) return false;
    const run = runs[i];
    const open = [...new Set(run.ids.filter((id) => !decisions.has(id)))];
    for (let combo = 0; combo < 1 << open.length; combo++) {
      open.forEach((id, b) => decisions.set(id, combo & (1 << b) ? 'accept' : 'reject'));
      if (!consistent()) continue;
      let out = '';
      for (const u of run.units) out += renderUnit(u, decide, codes);
      if (target.startsWith(out, pos) && search(i + 1, pos + out.length)) return true;
    }
    open.forEach((id) => decisions.delete(id));
    failed.add(key);
    return false;
  };
  return search(0, 0);
}
