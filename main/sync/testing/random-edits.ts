/**
 * Seeded random editing of a draft body through a bound headless editor, the way a person edits:
 * words typed into a paragraph, words of the original text deleted, new paragraphs added. Every
 * typed word is a unique token, so a test can tell whose words survived and that none doubled.
 */
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';

/** A seeded random source (bench/generate/prng.ts makes one; main may not import bench/). */
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
}

export const TOKEN = /\bc\d+w\d+\b/g;

/** Makes `count` edits as client `client`; returns the tokens it typed. */
export function randomEdits(editor: LexicalEditor, rng: Rng, client: number, count: number): string[] {
  const typed: string[] = [];
  for (let n = 0; n < count; n++) {
    const token = `c${client}w${n}`;
    editor.update(
      () => {
        const texts = $getRoot().getAllTextNodes();
        const node = texts[rng.int(0, texts.length - 1)]!;
        const text = node.getTextContent();
        const roll = rng.next();
        if (roll < 0.7) {
          // Typed at a word boundary.
          const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
          const at = spaces.length > 0 ? rng.pick(spaces) : text.length;
          node.spliceText(at, 0, ` ${token}`);
          typed.push(token);
        } else if (roll < 0.85) {
          // One of the original words deleted (never a colleague's typed token).
          const words = [...text.matchAll(/ [a-z]+(?= )/g)].filter((m) => !/^ c\d+w\d+$/.test(m[0]));
          if (words.length > 0) {
            const w = rng.pick(words);
            node.spliceText(w.index!, w[0].length, '');
          }
        } else {
          const block = node.getTopLevelElementOrThrow();
          block.insertAfter($createParagraphNode().append($createTextNode(`${token} opens a paragraph written by client ${client}.`)));
          typed.push(token);
        }
      },
      { discrete: true },
    );
  }
  return typed;
}
