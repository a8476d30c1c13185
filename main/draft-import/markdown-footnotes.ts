/**
 * Markdown footnotes (`text[^1]` with `[^1]: the note` anywhere, continued by indented lines),
 * which marked does not read, become the editor's footnotes: each reference is replaced by the
 * inline HTML the HTML path reads as a footnote (<sup data-footnote="…">), and the definitions
 * are taken out of the text. Code (fenced blocks and `spans`) is left as written.
 */
import { marked } from 'marked';
import { MAX_FOOTNOTE_LENGTH } from '../../common/editor/nodes/FootnoteNode';

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A note's Markdown as plain text (links keep their words, emphasis its letters). */
function noteText(markdown: string): string {
  const html = marked.parseInline(markdown, { async: false, gfm: true }) as string;
  const text = html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_FOOTNOTE_LENGTH);
}

export function markdownFootnotes(source: string): { markdown: string; warnings: string[] } {
  const lines = source.split('\n');
  const notes = new Map<string, string>();
  const kept: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) inFence = !inFence;
    const def = inFence ? null : DEFINITION.exec(line);
    if (!def) {
      kept.push(line);
      continue;
    }
    const parts = [def[2]];
    // Continuation: indented lines, or blank lines followed by indented ones.
    while (i + 1 < lines.length && (/^( {4}|\t)\S/.test(lines[i + 1]) || (lines[i + 1].trim() === '' && /^( {4}|\t)\S/.test(lines[i + 2] ?? '')))) {
      parts.push(lines[++i].trim());
    }
    if (!notes.has(def[1])) notes.set(def[1], noteText(parts.join(' ')));
  }

  const used = new Set<string>();
  const missing = new Set<string>();
  inFence = false;
  const out = kept.map((line) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) return line;
    // Split on code spans so a `[^1]` inside backticks stays as written.
    return line
      .split(/(`+[^`]*`+)/)
      .map((part, k) =>
        k % 2 === 1
          ? part
          : part.replace(/\[\^([^\]\s]+)\]/g, (whole, id: string) => {
              const note = notes.get(id);
              if (note === undefined || note === '') {
                missing.add(id);
                return whole;
              }
              used.add(id);
              return `<sup data-footnote="${escapeAttr(note)}"></sup>`;
            }),
      )
      .join('');
  });
  const warnings: string[] = [];
  for (const id of missing) warnings.push(`The footnote reference [^${id}] has no note written for it; it was kept as text.`);
  const unused = [...notes.keys()].filter((id) => !used.has(id));
  if (unused.length) warnings.push(`${unused.length === 1 ? 'A footnote' : `${unused.length} footnotes`} never referred to in the text (${unused.map((id) => `[^${id}]`).join(', ')}) ${unused.length === 1 ? 'was' : 'were'} left out.`);
  return { markdown: out.join('\n'), warnings };
}
