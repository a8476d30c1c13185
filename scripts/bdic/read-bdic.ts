/**
 * An independent BDIC reader, used to prove what the writer produced: it checks the header and
 * digest the way Chromium does before loading, reads the aff tables back, and looks words up by
 * walking the trie with the rules Chromium's reader follows (including its bounds checks).
 */
import { createHash } from 'node:crypto';
import * as F from './format';

export interface BdicHeader {
  major: number;
  minor: number;
  affOffset: number;
  dicOffset: number;
  digest: Buffer;
}

export interface BdicAff {
  /** The `AF <n>` line and the groups after it. */
  afLines: string[];
  affixRules: string[];
  replacements: Array<[string, string]>;
  otherCommands: string[];
}

export class BdicError extends Error {}

export function readHeader(file: Buffer): BdicHeader {
  if (file.length <= F.HEADER_SIZE) throw new BdicError(`file is ${file.length} bytes, shorter than a BDIC header`);
  if (file.toString('latin1', 0, 4) !== F.SIGNATURE) throw new BdicError('no "BDic" signature');
  const h = {
    major: file.readUInt16LE(4),
    minor: file.readUInt16LE(6),
    affOffset: file.readUInt32LE(8),
    dicOffset: file.readUInt32LE(12),
    digest: file.subarray(16, 32),
  };
  if (h.major > F.MAJOR_VERSION) throw new BdicError(`major version ${h.major} is newer than ${F.MAJOR_VERSION}`);
  if (h.affOffset + F.AFF_HEADER_SIZE > file.length || h.dicOffset > file.length) throw new BdicError('section offsets point past the end of the file');
  return h;
}

/** The check Chromium makes before it will use a dictionary file. */
export function verifyBdic(file: Buffer): void {
  const h = readHeader(file);
  if (h.major >= 2) {
    const actual = createHash('md5').update(file.subarray(h.affOffset)).digest();
    if (!actual.equals(h.digest)) throw new BdicError(`MD5 digest mismatch: header ${h.digest.toString('hex')}, data ${actual.toString('hex')}`);
  }
}

function strings(file: Buffer, at: number): string[] {
  const out: string[] = [];
  while (at < file.length && file[at] !== 0) {
    const end = file.indexOf(0, at);
    if (end < 0) throw new BdicError(`unterminated string at ${at}`);
    out.push(file.toString('utf8', at, end));
    at = end + 1;
  }
  return out;
}

export function readAffSection(file: Buffer): BdicAff {
  const h = readHeader(file);
  const [groups, rules, reps, other] = [0, 4, 8, 12].map((o) => file.readUInt32LE(h.affOffset + o));
  const repList = strings(file, reps);
  const replacements: Array<[string, string]> = [];
  for (let i = 0; i + 1 < repList.length; i += 2) replacements.push([repList[i], repList[i + 1]]);
  // The AF count line is followed directly by the group table (no blank line between).
  const countEnd = file.indexOf(0, groups);
  return {
    afLines: [file.toString('utf8', groups, countEnd), ...strings(file, countEnd + 1)],
    affixRules: strings(file, rules),
    replacements,
    otherCommands: strings(file, other),
  };
}

/** A trie walker over one file; `find` returns the word's affix ids, or null when absent. */
export class BdicWords {
  private readonly dicOffset: number;

  constructor(private readonly file: Buffer) {
    this.dicOffset = readHeader(file).dicOffset;
  }

  find(word: string): number[] | null {
    return this.findBytes(Buffer.from(word, 'utf8'));
  }

  findBytes(word: Buffer): number[] | null {
    let node = this.dicOffset;
    let depth = 0;
    for (;;) {
      const id = this.byte(node);
      if ((id & 0x80) === 0) return this.matchLeaf(node, depth, word);
      const next = depth < word.length ? word[depth] : 0;
      const child = (id & 0xfc) === F.LOOKUP ? this.lookupChild(node, next) : (id & 0xe0) === F.LIST ? this.listChild(node, next) : null;
      if (child === null) return null;
      node = child;
      if (next !== 0) depth++;
    }
  }

  /** Every word in trie order with its affix ids (the writer's input, if it is correct). */
  *entries(): Generator<[Buffer, number[]]> {
    yield* this.walk(this.dicOffset, []);
  }

  private *walk(node: number, prefix: number[]): Generator<[Buffer, number[]]> {
    const id = this.byte(node);
    if ((id & 0x80) === 0) {
      const { rest, affixes } = this.leaf(node);
      yield [Buffer.concat([Buffer.from(prefix), rest]), affixes];
      return;
    }
    for (const [char, child] of this.children(node)) yield* this.walk(child, char === 0 ? prefix : [...prefix, char]);
  }

  private children(node: number): Array<[number, number]> {
    const id = this.byte(node);
    const out: Array<[number, number]> = [];
    if ((id & 0xfc) === F.LOOKUP) {
      const first = this.byte(node + 1);
      const count = this.byte(node + 2);
      if (id & F.LOOKUP_HAS_NUL_ENTRY) out.push([0, this.lookupChild(node, 0)!]);
      for (let c = first; c < first + count; c++) {
        const child = this.lookupChild(node, c);
        if (child !== null) out.push([c, child]);
      }
    } else {
      const n = id & 0x0f;
      const entry = id & F.LIST_16BIT ? 3 : 2;
      for (let i = 0; i < n; i++) out.push([this.byte(node + 1 + i * entry), this.listChild(node, this.byte(node + 1 + i * entry))!]);
    }
    return out;
  }

  private byte(at: number): number {
    if (at >= this.file.length) throw new BdicError(`trie points past the end of the file (${at})`);
    return this.file[at];
  }

  private lookupChild(node: number, char: number): number | null {
    const id = this.byte(node);
    const wide = (id & F.LOOKUP_32BIT) !== 0;
    const entry = wide ? 4 : 2;
    const read = (at: number) => (wide ? this.file.readUInt32LE(at) : this.file.readUInt16LE(at));
    const hasNul = (id & F.LOOKUP_HAS_NUL_ENTRY) !== 0;
    let slot: number;
    if (char === 0 && hasNul) slot = node + 3;
    else {
      const index = char - this.byte(node + 1);
      if (index < 0 || index >= this.byte(node + 2)) return null;
      slot = node + 3 + (hasNul ? entry : 0) + index * entry;
    }
    const value = read(slot);
    if (value === 0) return null;
    const target = wide ? value : node + value;
    if (target >= this.file.length) throw new BdicError(`lookup entry points past the end of the file (${target})`);
    return target;
  }

  private listChild(node: number, char: number): number | null {
    const id = this.byte(node);
    const n = id & 0x0f;
    const wide = (id & F.LIST_16BIT) !== 0;
    const entry = wide ? 3 : 2;
    const childrenStart = node + 1 + n * entry;
    for (let i = 0; i < n; i++) {
      const at = node + 1 + i * entry;
      if (this.byte(at) !== char) continue;
      const target = childrenStart + (wide ? this.file.readUInt16LE(at + 1) : this.byte(at + 1));
      if (target >= this.file.length) throw new BdicError(`list entry points past the end of the file (${target})`);
      return target;
    }
    return null;
  }

  private leaf(node: number): { rest: Buffer; affixes: number[] } {
    const head = this.byte(node);
    const inline = ((head & F.LEAF_AFFIX_HIGH_MASK) << 8) | this.byte(node + 1);
    let at = node + 2;
    let rest: Buffer = Buffer.alloc(0);
    if (head & F.LEAF_HAS_REST) {
      const end = this.file.indexOf(0, at);
      if (end < 0) throw new BdicError(`unterminated leaf string at ${at}`);
      rest = this.file.subarray(at, end);
      at = end + 1;
    }
    const affixes = inline === F.LEAF_INLINE_AFFIX_UNUSED ? [] : [inline];
    if (head & F.LEAF_HAS_MORE_AFFIXES || inline === F.LEAF_INLINE_AFFIX_UNUSED) {
      for (;;) {
        const v = this.file.readUInt16LE(at);
        at += 2;
        if (v === F.AFFIX_LIST_END) break;
        affixes.push(v);
        if (affixes.length > F.MAX_AFFIXES_PER_WORD) throw new BdicError(`leaf at ${node} has more than ${F.MAX_AFFIXES_PER_WORD} affix ids`);
      }
    }
    return { rest, affixes };
  }

  private matchLeaf(node: number, depth: number, word: Buffer): number[] | null {
    const { rest, affixes } = this.leaf(node);
    if (word.length - depth !== rest.length) return null;
    return word.subarray(depth).equals(rest) ? affixes : null;
  }
}
