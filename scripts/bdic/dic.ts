/**
 * Reads a Hunspell .dic file into the sorted word list a BDIC trie is built from.
 *
 * Each word becomes its UTF-8 bytes plus the AF group ids of its flag strings (0 = no flags).
 * A word listed more than once (with different flags) is one entry with several ids.
 */
import type { AffData } from './aff';
import { splitLines, stripComment, toUtf8 } from './hunspell-text';
import { MAX_AFFIXES_PER_WORD, MAX_WORD_BYTES } from './format';

export interface DicWord {
  word: Buffer;
  /** AF group ids, largest first (the order Chromium's converter writes them in). */
  affixes: number[];
}

export interface DicData {
  words: DicWord[];
  /** Words Chromium's Hunspell cannot hold (too long); left out and reported. */
  skipped: string[];
}

/** Splits `word/FLAGS` at the first slash that is not escaped (`\/`) and not the first byte. */
function splitEntry(line: string): [string, string | undefined] {
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '/' && line[i - 1] !== '\\') return [line.slice(0, i), line.slice(i + 1)];
  }
  return [line, undefined];
}

/** Byte-wise order, the order the trie's lookup tables need. */
export function compareBytes(a: DicWord, b: DicWord): number {
  return Buffer.compare(a.word, b.word);
}

export function readDic(bytes: Uint8Array, aff: AffData, file = 'index.dic'): DicData {
  const byWord = new Map<string, { word: Buffer; affixes: Set<number> }>();
  const skipped: string[] = [];
  let seenCount = false;
  for (const { number, text } of splitLines(bytes)) {
    const line = stripComment(text);
    if (!line) continue;
    const where = `${file}:${number}`;
    if (!seenCount) {
      // The first line is the approximate word count; every following line is read regardless.
      if (!/^\d+$/.test(line)) throw new Error(`${where}: the first line of a .dic must be the word count, found "${line}"`);
      seenCount = true;
      continue;
    }
    const [rawWord, rawFlags] = splitEntry(line);
    // A tab starts a morphological description, which spelling does not use.
    const wordText = rawWord.replace(/\\\//g, '/').split('\t')[0];
    const flags = rawFlags?.split('\t')[0].trim();
    const word = toUtf8(wordText, aff.encoding, where);
    if (word.length === 0) throw new Error(`${where}: empty word`);
    if (word.length >= MAX_WORD_BYTES) {
      skipped.push(word.toString('utf8'));
      continue;
    }
    let id = 0;
    if (flags) {
      if (aff.groups.indexed) {
        id = Number(flags);
        if (!Number.isInteger(id) || id < 1 || id > aff.groups.size) {
          throw new Error(`${where}: flag alias "${flags}" is not an AF index between 1 and ${aff.groups.size}`);
        }
      } else {
        id = aff.groups.idFor(flags);
      }
    }
    const key = word.toString('latin1');
    const entry = byWord.get(key) ?? { word, affixes: new Set<number>() };
    entry.affixes.add(id);
    if (entry.affixes.size > MAX_AFFIXES_PER_WORD) {
      throw new Error(`${where}: "${word.toString('utf8')}" is listed with more than ${MAX_AFFIXES_PER_WORD} flag sets`);
    }
    byWord.set(key, entry);
  }
  if (!seenCount) throw new Error(`${file}: no word count line and no words`);
  const words = [...byWord.values()].map(({ word, affixes }) => ({ word, affixes: [...affixes].sort((a, b) => b - a) }));
  words.sort(compareBytes);
  if (words.length === 0) throw new Error(`${file}: no words`);
  return { words, skipped };
}
