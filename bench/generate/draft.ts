/**
 * Draft bodies of realistic structure, in the stored format (common/editor/serialized.ts, built
 * with its `build` helpers so the JSON is what the editor itself would save). The word count is
 * exact by construction: every word placed in text, headings, list items and captions is counted.
 */
import {
  build,
  type SerializedBlock,
  type SerializedEditorState,
  type SerializedInline,
  type SerializedList,
  type TextFormatName,
} from '../../common/editor/serialized';
import type { Rng } from './prng';
import { title, words } from './words';

/** A 1×1 PNG: keeps images in the body without making the bench about image decoding. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The last word of every generated draft, so a test can see that the whole body rendered. */
export const END_MARKER = 'closingmarker';

type Kind = 'paragraph' | 'heading' | 'list' | 'quote' | 'pullquote' | 'image' | 'rule';

function chooseKind(rng: Rng): Kind {
  const r = rng.next();
  if (r < 0.72) return 'paragraph';
  if (r < 0.8) return 'heading';
  if (r < 0.87) return 'list';
  if (r < 0.91) return 'quote';
  if (r < 0.93) return 'pullquote';
  if (r < 0.97) return 'image';
  return 'rule';
}

/** Fixed word counts of the non-paragraph blocks; paragraphs share what is left. */
function fixedWords(rng: Rng, kind: Kind): number {
  switch (kind) {
    case 'heading':
      return rng.int(3, 8);
    case 'list':
      return rng.int(12, 40);
    case 'quote':
      return rng.int(15, 45);
    case 'pullquote':
      return rng.int(8, 20);
    case 'image':
      return rng.int(3, 10); // the caption
    default:
      return 0;
  }
}

/** Words with sentence capitals and full stops, ready to cut into formatted runs. */
function prose(rng: Rng, n: number): string[] {
  const w = words(rng, n);
  let sinceStop = 0;
  let nextLength = rng.int(8, 22);
  for (let i = 0; i < w.length; i++) {
    if (sinceStop === 0) w[i] = w[i][0].toUpperCase() + w[i].slice(1);
    sinceStop++;
    if (sinceStop >= nextLength || i === w.length - 1) {
      w[i] += i === w.length - 1 ? '.' : rng.pick(['.', '.', '.', ',', ';', '?']);
      if (!w[i].endsWith(',') && !w[i].endsWith(';')) sinceStop = 0;
      nextLength = rng.int(8, 22);
    } else if (rng.chance(0.04)) w[i] += ',';
  }
  return w;
}

/** Cuts words into runs: mostly plain, some bold, italic, code and links; adjacent plain runs merged. */
function inlines(rng: Rng, w: string[], footnote = false): SerializedInline[] {
  const out: SerializedInline[] = [];
  let plain = '';
  let i = 0;
  while (i < w.length) {
    const len = Math.min(w.length - i, rng.int(2, 14));
    const text = w.slice(i, i + len).join(' ') + (i + len < w.length ? ' ' : '');
    i += len;
    const r = rng.next();
    const styled = (node: SerializedInline) => {
      if (plain) out.push(build.text(plain));
      plain = '';
      out.push(node);
    };
    if (r < 0.8) plain += text;
    else if (r < 0.87) styled(build.text(text, ['bold']));
    else if (r < 0.94) styled(build.text(text, ['italic']));
    else if (r < 0.95) styled(build.text(text, ['bold', 'italic'] as TextFormatName[]));
    else if (r < 0.96) styled(build.text(text, ['code']));
    else {
      // Links hold the run's words; the trailing space stays outside, as an editor would leave it.
      const inner = text.trimEnd();
      styled(build.link(`https://example.org/${inner.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 40)}`, [build.text(inner)]));
      if (inner !== text) plain += ' ';
    }
  }
  if (plain) out.push(build.text(plain));
  if (footnote) out.push(build.footnote(`Source: ${title(rng, 6)}, ${rng.int(2015, 2026)}.`));
  return out;
}

function listBlock(rng: Rng, total: number): SerializedList {
  const type = rng.chance(0.6) ? 'bullet' : 'number';
  const items: (SerializedInline[] | SerializedList)[] = [];
  let left = total;
  while (left > 0) {
    const n = Math.min(left, rng.int(3, 10));
    left -= n;
    // Now and then an item gets a nested list of one or two items.
    if (items.length > 0 && left >= 4 && rng.chance(0.15)) {
      const a = rng.int(2, 3);
      const b = Math.min(left - a, rng.int(2, 3));
      left -= a + b;
      items.push(build.list(type, [inlines(rng, prose(rng, a)), ...(b > 0 ? [inlines(rng, prose(rng, b))] : [])]));
    }
    items.push(inlines(rng, prose(rng, n)));
  }
  return build.list(type, items);
}

export interface DraftShape {
  words: number;
  blocks: number;
}

/** A draft body with exactly `words` words in exactly `blocks` top-level blocks. */
export function generateDraft(rng: Rng, shape: DraftShape): SerializedEditorState {
  const kinds: Kind[] = [];
  for (let i = 0; i < shape.blocks; i++) kinds.push(i === 0 || i === shape.blocks - 1 ? 'paragraph' : chooseKind(rng));
  const fixed = kinds.map((k) => fixedWords(rng, k));
  let fixedTotal = fixed.reduce((a, b) => a + b, 0);
  const paragraphs = kinds.filter((k) => k === 'paragraph').length;
  // Small drafts: shrink fixed blocks until paragraphs get at least 8 words each.
  while (fixedTotal > shape.words - paragraphs * 8) {
    const i = fixed.findIndex((n) => n > 3);
    if (i < 0) break;
    fixedTotal -= fixed[i] - 3;
    fixed[i] = 3;
  }
  // Share the rest among paragraphs by random weights, then fix rounding on the last one.
  const weights = kinds.map((k) => (k === 'paragraph' ? 0.4 + rng.next() * 1.2 : 0));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const left = shape.words - fixedTotal;
  const counts = kinds.map((k, i) => (k === 'paragraph' ? Math.max(1, Math.floor((left * weights[i]) / weightSum)) : fixed[i]));
  const drift = shape.words - counts.reduce((a, b) => a + b, 0);
  counts[counts.length - 1] += drift;

  const blocks: SerializedBlock[] = kinds.map((kind, i): SerializedBlock => {
    const n = counts[i];
    switch (kind) {
      case 'heading':
        return build.heading(rng.pick(['h2', 'h2', 'h3', 'h3', 'h4'] as const), [build.text(title(rng, n))]);
      case 'list':
        return listBlock(rng, n);
      case 'quote':
        return build.quote(inlines(rng, prose(rng, n)));
      case 'pullquote':
        return build.pullQuote([build.text(prose(rng, n).join(' '))]);
      case 'image':
        return build.image(TINY_PNG, `Illustration: ${title(rng, 4)}`, prose(rng, n).join(' '), 640, 360);
      case 'rule':
        return build.horizontalRule();
      default: {
        const w = prose(rng, n);
        if (i === kinds.length - 1) w[w.length - 1] = `${END_MARKER}.`;
        return build.paragraph(inlines(rng, w, rng.chance(0.02)));
      }
    }
  });
  return build.root(blocks);
}
