/**
 * Assembles a BDIC file: header, aff section, word trie, and the MD5 digest Chromium checks
 * before it will use a dictionary (a file that fails the check is deleted, not used).
 */
import { createHash } from 'node:crypto';
import type { AffData } from './aff';
import type { DicWord } from './dic';
import * as F from './format';
import { buildTrie, serializeTrie } from './trie';

/** NUL-terminated strings followed by one more NUL; an empty entry would end the table early. */
function stringTable(items: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const item of items) parts.push(item.length ? item : Buffer.from(' '), Buffer.of(0));
  parts.push(Buffer.of(0));
  return Buffer.concat(parts);
}

/** The aff section as it will sit at file offset `at` (its header holds absolute offsets). */
export function affSection(aff: AffData, at: number): Buffer {
  const intro = Buffer.concat([Buffer.from('\n'), aff.comment, Buffer.from('\n')]);
  // Hunspell reads the AF table as a count line followed by that many `AF <flags>` lines.
  const afLines = [Buffer.from(`AF ${aff.groups.size}`), ...aff.groups.flagStrings().map((f) => Buffer.from(`AF ${f}`, 'latin1'))];
  const groups = Buffer.concat([afLines[0], Buffer.of(0), stringTable(afLines.slice(1))]);
  const rules = stringTable(aff.affixRules);
  const reps = Buffer.concat([...aff.replacements.flatMap(([from, to]) => [from, Buffer.of(0), to, Buffer.of(0)]), Buffer.of(0)]);
  const other = stringTable(aff.otherCommands);

  const header = Buffer.alloc(F.AFF_HEADER_SIZE);
  let offset = at + F.AFF_HEADER_SIZE + intro.length;
  for (const [i, part] of [groups, rules, reps, other].entries()) {
    header.writeUInt32LE(offset, i * 4);
    offset += part.length;
  }
  return Buffer.concat([header, intro, groups, rules, reps, other]);
}

export function fileHeader(affOffset: number, dicOffset: number, digest: Buffer): Buffer {
  const h = Buffer.alloc(F.HEADER_SIZE);
  h.write(F.SIGNATURE, 0, 'latin1');
  h.writeUInt16LE(F.MAJOR_VERSION, 4);
  h.writeUInt16LE(F.MINOR_VERSION, 6);
  h.writeUInt32LE(affOffset, 8);
  h.writeUInt32LE(dicOffset, 12);
  digest.copy(h, 16);
  return h;
}

/** The digest covers everything after the file header: the aff section and the trie. */
export function digestOf(body: Buffer): Buffer {
  return createHash('md5').update(body).digest();
}

export function writeBdic(aff: AffData, words: readonly DicWord[]): Buffer {
  const affOffset = F.HEADER_SIZE;
  const affBytes = affSection(aff, affOffset);
  const dicOffset = affOffset + affBytes.length;
  const trie = serializeTrie(buildTrie(words), dicOffset);
  const body = Buffer.concat([affBytes, trie]);
  return Buffer.concat([fileHeader(affOffset, dicOffset, digestOf(body)), body]);
}
