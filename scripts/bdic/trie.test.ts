import { describe, expect, it } from 'vitest';
import type { DicWord } from './dic';
import { BdicWords } from './read-bdic';
import { buildTrie, serializeTrie } from './trie';
import { writeBdic } from './write-bdic';
import { readAff } from './aff';

const w = (word: string, ...affixes: number[]): DicWord => ({ word: Buffer.from(word, 'utf8'), affixes: affixes.length ? affixes : [0] });
const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();
const trieBytes = (words: DicWord[], base = 0) => serializeTrie(buildTrie(words), base);
/** A complete file around the words, so the independent reader can walk it. */
const file = (words: DicWord[]) => writeBdic(readAff(Buffer.from('SET UTF-8\n')), words);

describe('the BDIC word trie', () => {
  it('writes small child sets as 8-bit lists, with an end-of-word (NUL) child for a word that is a prefix', () => {
    // a, ab, b: root list of 2 -> 'a' (a list of NUL + 'b') and 'b' (a leaf).
    expect(hex(trieBytes([w('a'), w('ab', 3), w('b', 1)]))).toBe(
      [
        'e2 61 00 62 09', // list8, 2 entries: 'a' at +0, 'b' at +9 (relative to the end of the table)
        'e2 00 00 62 02', // list8 under 'a': NUL at +0, 'b' at +2
        '00 00', // leaf "a" (affix group 0)
        '00 03', // leaf "ab" (affix group 3)
        '00 01', // leaf "b" (affix group 1)
      ].join(' '),
    );
  });

  it('stores a unique ending in the leaf as a NUL-terminated string', () => {
    expect(hex(trieBytes([w('centre', 7), w('colour', 2)]))).toBe(
      [
        'e1 63 00', // root: one child 'c'
        'e2 65 00 6f 07', // 'c': 'e' at +0, 'o' at +7
        '40 07 6e 74 72 65 00', // leaf + "ntre", group 7
        '40 02 6c 6f 75 72 00', // leaf + "lour", group 2
      ].join(' '),
    );
  });

  it('puts further affix groups after the leaf, and ids over 13 bits only there', () => {
    // Two groups: the first inline, the rest in the following list, ended by FFFF.
    expect(hex(trieBytes([w('x', 5, 2)]))).toBe('60 05 78 00 02 00 ff ff');
    // 0x2000 does not fit 13 bits: the inline value is the "unused" marker 1FFF.
    expect(hex(trieBytes([w('x', 0x2000, 4)]))).toBe('7f ff 78 00 00 20 04 00 ff ff');
  });

  it('uses a lookup table indexed by byte for more than 15 children, with a separate NUL slot and 0 for gaps', () => {
    const letters = 'abdefghijklmnopqr'.split(''); // 17 letters, no 'c'
    const bytes = trieBytes([w('x'), ...letters.map((l) => w(`x${l}`, 1))]);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xe1, 0x78, 0x00])); // root list -> 'x'
    const node = bytes.subarray(3);
    expect(node[0]).toBe(0xc1); // lookup, 16-bit offsets, has a NUL entry
    expect(node[1]).toBe(0x61); // first byte 'a'
    expect(node[2]).toBe(0x72 - 0x61 + 1); // 'a'..'r'
    const nul = node.readUInt16LE(3);
    expect(node.subarray(nul, nul + 2)).toEqual(Buffer.from([0x00, 0x00])); // leaf "x", relative to the node
    expect(node.readUInt16LE(5 + 2 * (0x63 - 0x61))).toBe(0); // no 'c'
    const r = node.readUInt16LE(5 + 2 * (0x72 - 0x61));
    expect(node.subarray(r, r + 2)).toEqual(Buffer.from([0x00, 0x01])); // leaf "xr"
  });

  it('switches to 32-bit absolute offsets when children exceed 64 KiB', () => {
    const words: DicWord[] = [];
    for (const l of 'abcdefghijklmnopq') for (let i = 0; i < 600; i++) words.push(w(`${l}${String(i).padStart(4, '0')}-long-tail`, 1));
    const base = 5000;
    const bytes = trieBytes(words, base);
    expect(bytes[0]).toBe(0xc2); // lookup, 32-bit, no NUL entry
    const first = bytes.readUInt32LE(3);
    const last = bytes.readUInt32LE(3 + 4 * 16);
    expect(first).toBe(base + 3 + 17 * 4); // absolute: the file offset of the first child
    expect(last).toBeGreaterThan(base + 0xffff);
    const reader = new BdicWords(file(words));
    expect(reader.find('q0599-long-tail')).toEqual([1]);
    expect(reader.find('a0000-long-tail')).toEqual([1]);
    expect(reader.find('q0600-long-tail')).toBeNull();
  });

  it('round-trips through an independent reader: every word is found with its groups and near misses are not', () => {
    const words = ['a', 'an', 'and', 'ant', 'anteater', 'b', 'be', 'bee', 'beef', 'naïve', 'naïvety', 'zz'].map((s, i) => w(s, i + 1));
    const reader = new BdicWords(file(words));
    for (const [i, x] of words.entries()) expect(reader.find(x.word.toString('utf8'))).toEqual([i + 1]);
    for (const miss of ['', 'ante', 'anteaters', 'bees', 'c', 'naive', 'z', 'zzz']) expect(reader.find(miss)).toBeNull();
    expect([...reader.entries()].map(([b]) => b.toString('utf8'))).toEqual(words.map((x) => x.word.toString('utf8')));
  });

  it('refuses unsorted or duplicate words', () => {
    expect(() => buildTrie([w('b'), w('a')])).toThrow(/sorted and unique/);
    expect(() => buildTrie([w('a'), w('a')])).toThrow(/sorted and unique/);
    expect(() => buildTrie([])).toThrow(/at least one word/);
  });
});
