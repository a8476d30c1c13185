import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAff } from './aff';
import { readDic } from './dic';
import { readAffSection, verifyBdic } from './read-bdic';
import { writeBdic } from './write-bdic';

const AFF = ['# Test dictionary', 'SET UTF-8', 'TRY abc', 'SFX S Y 1', 'SFX S 0 s .', 'REP 1', 'REP f ph', 'WORDCHARS 0123456789'].join('\n');
const DIC = '3\ncat/S\ndog/SM\nemu\n';

function build() {
  const aff = readAff(Buffer.from(AFF));
  const dic = readDic(Buffer.from(DIC), aff);
  return writeBdic(aff, dic.words);
}

describe('BDIC file layout', () => {
  const file = build();

  it('starts with the 28-byte header: signature, version 2.0, section offsets', () => {
    expect(file.toString('latin1', 0, 4)).toBe('BDic');
    expect(file.readUInt16LE(4)).toBe(2);
    expect(file.readUInt16LE(6)).toBe(0);
    expect(file.readUInt32LE(8)).toBe(32); // aff section right after the header
    const dicOffset = file.readUInt32LE(12);
    expect(dicOffset).toBeGreaterThan(32);
    expect(dicOffset).toBeLessThan(file.length);
  });

  it('carries the MD5 of everything after the header, and a changed byte fails the check Chromium makes', () => {
    const md5 = createHash('md5').update(file.subarray(32)).digest();
    expect(file.subarray(16, 32)).toEqual(md5);
    expect(() => verifyBdic(file)).not.toThrow();
    const tampered = Buffer.from(file);
    tampered[tampered.length - 1] ^= 0xff;
    expect(() => verifyBdic(tampered)).toThrow(/MD5 digest mismatch/);
    expect(() => verifyBdic(Buffer.from('BDix' + '\0'.repeat(40)))).toThrow(/signature/);
  });

  it('lays out the aff section: four absolute offsets, the comment, then NUL-terminated tables', () => {
    const [groups, rules, reps, other] = [0, 4, 8, 12].map((o) => file.readUInt32LE(32 + o));
    // The comment sits between the aff header and the first table, wrapped in newlines.
    expect(file.toString('utf8', 48, groups)).toBe('\n# Test dictionary\n\n');
    expect(groups).toBeLessThan(rules);
    expect(rules).toBeLessThan(reps);
    expect(reps).toBeLessThan(other);
    expect(other).toBeLessThan(file.readUInt32LE(12));
    // The AF table is a count line, one line per group (ids 1 and 2), and an empty string.
    expect(file.toString('latin1', groups, rules)).toBe('AF 2\0AF S\0AF SM\0\0');
    expect(file.toString('latin1', rules, reps)).toBe('SFX S Y 1\0SFX S 0 s .\0\0');
    expect(file.toString('latin1', reps, other)).toBe('f\0ph\0\0');
    expect(file.toString('latin1', other, file.readUInt32LE(12))).toBe('TRY abc\0WORDCHARS 0123456789\0\0');
  });

  it('reads back through the independent reader', () => {
    expect(readAffSection(file)).toEqual({
      afLines: ['AF 2', 'AF S', 'AF SM'],
      affixRules: ['SFX S Y 1', 'SFX S 0 s .'],
      replacements: [['f', 'ph']],
      otherCommands: ['TRY abc', 'WORDCHARS 0123456789'],
    });
  });

  it('is byte-for-byte the same on every run (a reproducible build artefact)', () => {
    expect(build().equals(file)).toBe(true);
  });
});
