/**
 * Paints matches with the CSS Custom Highlight API: ranges over the editor's own DOM, so the
 * document is never modified (no undo entries, no autosave) just because find is open.
 */
import type { LexicalEditor } from 'lexical';
import type { Match, TextPoint } from './find-matches';

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
declare const Highlight: { new (...ranges: Range[]): unknown } | undefined;

function registry(): HighlightRegistry | null {
  const css = globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  return css?.highlights && typeof Highlight !== 'undefined' ? css.highlights : null;
}

function domPoint(editor: LexicalEditor, p: TextPoint): [Node, number] | null {
  let el: Node | null = editor.getElementByKey(p.key);
  while (el && el.nodeType !== Node.TEXT_NODE) el = el.firstChild;
  if (!el) return null;
  return [el, Math.min(p.offset, (el.textContent ?? '').length)];
}

export function toRange(editor: LexicalEditor, m: Match): Range | null {
  const a = domPoint(editor, m.start);
  const b = domPoint(editor, m.end);
  if (!a || !b) return null;
  const r = document.createRange();
  try {
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
  } catch {
    return null;
  }
  return r;
}

export function paintMatches(editor: LexicalEditor, matches: Match[], current: number): void {
  const reg = registry();
  if (!reg || typeof Highlight === 'undefined') return;
  const others: Range[] = [];
  let cur: Range | null = null;
  matches.forEach((m, i) => {
    const r = toRange(editor, m);
    if (!r) return;
    if (i === current) cur = r;
    else others.push(r);
  });
  reg.set('find-match', new Highlight(...others));
  if (cur) reg.set('find-current', new Highlight(cur));
  else reg.delete('find-current');
}

export function clearMatches(): void {
  const reg = registry();
  reg?.delete('find-match');
  reg?.delete('find-current');
}
