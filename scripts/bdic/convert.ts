/**
 * Hunspell .aff + .dic -> BDIC, checked by reading every word back out of the written file
 * (a converter bug then fails the build instead of shipping a dictionary that flags good words).
 */
import { readAff } from './aff';
import { readDic } from './dic';
import { BdicWords, verifyBdic } from './read-bdic';
import { writeBdic } from './write-bdic';

export interface Converted {
  bdic: Buffer;
  wordCount: number;
  affixGroups: number;
  /** Words left out because Chromium cannot hold them. */
  skipped: string[];
}

export function convertHunspell(affBytes: Uint8Array, dicBytes: Uint8Array, names = { aff: 'index.aff', dic: 'index.dic' }): Converted {
  const aff = readAff(affBytes, names.aff);
  const { words, skipped } = readDic(dicBytes, aff, names.dic);
  const bdic = writeBdic(aff, words);

  verifyBdic(bdic);
  let i = 0;
  for (const [word, affixes] of new BdicWords(bdic).entries()) {
    const expected = words[i++];
    if (!expected || !expected.word.equals(word) || expected.affixes.join() !== affixes.join()) {
      throw new Error(`the written trie does not match the word list at entry ${i}: "${word.toString('utf8')}"`);
    }
  }
  if (i !== words.length) throw new Error(`the written trie holds ${i} words, the word list ${words.length}`);
  return { bdic, wordCount: words.length, affixGroups: aff.groups.size, skipped };
}
