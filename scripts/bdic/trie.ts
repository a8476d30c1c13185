/**
 * The BDIC word trie: builds it from a sorted word list and serializes it.
 *
 * A node stands for the words sharing its first `depth` bytes. A node holding one word is a leaf
 * that stores the rest of the word; otherwise its children are keyed by the next byte, with byte
 * 0 meaning "the word ends here" (that child does not consume a byte). Child tables are written
 * as the smallest form that can address them: a list with 8- or 16-bit offsets for up to 15
 * children, else a lookup table indexed by byte with 16-bit relative or 32-bit absolute offsets.
 */
import type { DicWord } from './dic';
import * as F from './format';

export type NodeKind = 'leaf' | 'list8' | 'list16' | 'lookup16' | 'lookup32';

export interface TrieNode {
  /** The byte this node adds to its parent's prefix; 0 for the root and for end-of-word children. */
  char: number;
  children: TrieNode[];
  /** Leaf only: the bytes of the word after this node's prefix. */
  rest: Buffer;
  /** Leaf only: the word's AF group ids. */
  affixes: number[];
  kind: NodeKind;
  /** Serialized size in bytes, including all descendants. */
  size: number;
}

/** Builds the trie for words sorted byte-wise with no duplicates; the root is returned sized. */
export function buildTrie(words: readonly DicWord[]): TrieNode {
  if (words.length === 0) throw new Error('a dictionary needs at least one word');
  for (let i = 1; i < words.length; i++) {
    if (Buffer.compare(words[i - 1].word, words[i].word) >= 0) {
      throw new Error(`words must be sorted and unique: "${words[i - 1].word}" then "${words[i].word}"`);
    }
  }
  for (const w of words) if (w.word.includes(0)) throw new Error(`a word cannot contain a NUL byte: "${w.word}"`);
  return build(words, 0, words.length, 0, 0);
}

function build(words: readonly DicWord[], begin: number, end: number, depth: number, char: number): TrieNode {
  if (end - begin === 1) {
    const { word, affixes } = words[begin];
    return sized({ char, children: [], rest: word.subarray(depth), affixes, kind: 'leaf', size: 0 });
  }
  const children: TrieNode[] = [];
  let i = begin;
  while (i < end) {
    const next = byteAt(words[i].word, depth);
    let j = i + 1;
    while (j < end && byteAt(words[j].word, depth) === next) j++;
    // The end-of-word child stays at this depth: it consumes no byte.
    children.push(build(words, i, j, next === 0 ? depth : depth + 1, next));
    i = j;
  }
  return sized({ char, children, rest: Buffer.alloc(0), affixes: [], kind: 'list8', size: 0 });
}

function byteAt(word: Buffer, index: number): number {
  return index < word.length ? word[index] : 0;
}

/** Bytes the affix ids take after the leaf's 2-byte head (the following list and its end mark). */
function followingAffixBytes(affixes: number[]): number {
  if (affixes.length === 0) return 0;
  if (affixes[0] > F.LEAF_MAX_INLINE_AFFIX) return affixes.length * 2 + 2;
  return affixes.length > 1 ? (affixes.length - 1) * 2 + 2 : 0;
}

interface LookupShape {
  hasNul: boolean;
  first: number;
  count: number;
}

function lookupShape(children: TrieNode[]): LookupShape {
  const hasNul = children[0].char === 0;
  const table = hasNul ? children.slice(1) : children;
  if (table.length === 0) return { hasNul, first: 0, count: 0 };
  const first = table[0].char;
  return { hasNul, first, count: table[table.length - 1].char - first + 1 };
}

/** Chooses the node's encoding and computes its size from its children's sizes. */
function sized(node: TrieNode): TrieNode {
  if (node.children.length === 0) {
    node.kind = 'leaf';
    node.size = 2 + (node.rest.length ? node.rest.length + 1 : 0) + followingAffixBytes(node.affixes);
    return node;
  }
  const sizes = node.children.map((c) => c.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Offsets point at a child's start, so what must fit is the start of the last child.
  const lastStart = total - sizes[sizes.length - 1];
  const n = node.children.length;
  if (n <= F.LIST_MAX_ENTRIES && lastStart <= 0xff) {
    node.kind = 'list8';
    node.size = 1 + n * 2 + total;
    return node;
  }
  if (n <= F.LIST_MAX_ENTRIES && lastStart <= 0xffff) {
    node.kind = 'list16';
    node.size = 1 + n * 3 + total;
    return node;
  }
  const shape = lookupShape(node.children);
  const head16 = 3 + (shape.hasNul ? 2 : 0) + shape.count * 2;
  if (head16 + lastStart <= 0xffff) {
    node.kind = 'lookup16';
    node.size = head16 + total;
    return node;
  }
  node.kind = 'lookup32';
  node.size = 3 + (shape.hasNul ? 4 : 0) + shape.count * 4 + total;
  return node;
}

/**
 * Writes the trie into `out` at `pos`. `base` is the file offset of `out[0]`: 32-bit lookup
 * offsets are absolute positions in the whole file. Returns the position after the node.
 */
export function writeTrie(node: TrieNode, out: Buffer, pos: number, base: number): number {
  const start = pos;
  switch (node.kind) {
    case 'leaf':
      pos = writeLeaf(node, out, pos);
      break;
    case 'list8':
    case 'list16': {
      const wide = node.kind === 'list16';
      const entry = wide ? 3 : 2;
      out[pos++] = F.LIST | (wide ? F.LIST_16BIT : 0) | node.children.length;
      const table = pos;
      pos += node.children.length * entry;
      const childrenStart = pos;
      node.children.forEach((child, i) => {
        out[table + i * entry] = child.char;
        if (wide) out.writeUInt16LE(pos - childrenStart, table + i * entry + 1);
        else out[table + i * entry + 1] = pos - childrenStart;
        pos = writeTrie(child, out, pos, base);
      });
      break;
    }
    case 'lookup16':
    case 'lookup32': {
      const wide = node.kind === 'lookup32';
      const entry = wide ? 4 : 2;
      const shape = lookupShape(node.children);
      out[pos++] = F.LOOKUP | (wide ? F.LOOKUP_32BIT : 0) | (shape.hasNul ? F.LOOKUP_HAS_NUL_ENTRY : 0);
      out[pos++] = shape.first;
      out[pos++] = shape.count;
      const nulSlot = pos;
      if (shape.hasNul) pos += entry;
      const table = pos;
      out.fill(0, table, table + shape.count * entry); // 0 = no child for that byte
      pos += shape.count * entry;
      node.children.forEach((child, i) => {
        const slot = i === 0 && shape.hasNul ? nulSlot : table + (child.char - shape.first) * entry;
        if (wide) out.writeUInt32LE(base + pos, slot);
        else out.writeUInt16LE(pos - start, slot);
        pos = writeTrie(child, out, pos, base);
      });
      break;
    }
  }
  if (pos - start !== node.size) throw new Error(`trie node wrote ${pos - start} bytes, expected ${node.size}`);
  return pos;
}

function writeLeaf(node: TrieNode, out: Buffer, pos: number): number {
  const ids = node.affixes.length ? node.affixes : [0];
  const inlineFits = ids[0] <= F.LEAF_MAX_INLINE_AFFIX;
  const inline = inlineFits ? ids[0] : F.LEAF_INLINE_AFFIX_UNUSED;
  const following = inlineFits ? ids.slice(1) : ids;
  let head = (inline >> 8) & F.LEAF_AFFIX_HIGH_MASK;
  if (node.rest.length) head |= F.LEAF_HAS_REST;
  if (following.length) head |= F.LEAF_HAS_MORE_AFFIXES;
  out[pos++] = head;
  out[pos++] = inline & 0xff;
  if (node.rest.length) {
    pos += node.rest.copy(out, pos);
    out[pos++] = 0;
  }
  if (following.length) {
    for (const id of following) {
      if (id >= F.AFFIX_LIST_END) throw new Error(`affix group id ${id} does not fit a BDIC`);
      pos = out.writeUInt16LE(id, pos);
    }
    pos = out.writeUInt16LE(F.AFFIX_LIST_END, pos);
  }
  return pos;
}

/** Serializes a whole trie whose first byte will sit at file offset `base`. */
export function serializeTrie(root: TrieNode, base: number): Buffer {
  const out = Buffer.alloc(root.size);
  writeTrie(root, out, 0, base);
  return out;
}
