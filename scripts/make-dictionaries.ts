/**
 * Builds the spellcheck dictionaries the desktop app bundles:
 * node_modules/dictionary-en-gb (Hunspell .aff/.dic) -> build-resources/dictionaries/en-GB-10-*.bdic.
 *
 * Chromium looks a dictionary up by language plus a version it hard-codes: en-GB-10-1.bdic up to
 * Chromium 151, en-GB-10-2.bdic by Chromium 154 (Electron 45; Electron 44 is Chromium 152) and in
 * Debian's Chromium 156. The bytes are the same, so both names are written and neither an older
 * nor a newer Electron silently loses spellcheck. See main/electron/spellcheck.ts.
 * Run: node --import tsx scripts/make-dictionaries.ts [outDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { convertHunspell } from './bdic/convert';

const root = path.resolve(import.meta.dirname, '..');

export const DICTIONARIES = [{ npmPackage: 'dictionary-en-gb', files: ['en-GB-10-1.bdic', 'en-GB-10-2.bdic'] }];

function packageDir(name: string): string {
  // The package exports only its entry module, which sits beside the .aff and .dic.
  const require = createRequire(path.join(root, 'package.json'));
  return path.dirname(require.resolve(name));
}

export function makeDictionaries(outDir = path.join(root, 'build-resources', 'dictionaries'), log = console.log): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const d of DICTIONARIES) {
    const dir = packageDir(d.npmPackage);
    const affPath = path.join(dir, 'index.aff');
    const dicPath = path.join(dir, 'index.dic');
    const result = convertHunspell(fs.readFileSync(affPath), fs.readFileSync(dicPath), { aff: affPath, dic: dicPath });
    for (const file of d.files) {
      const out = path.join(outDir, file);
      // Write beside and rename so a failed run never leaves half a dictionary to be bundled.
      fs.writeFileSync(`${out}.tmp`, result.bdic);
      fs.renameSync(`${out}.tmp`, out);
      written.push(out);
    }
    log(`${d.files.join(', ')}: ${result.wordCount} words, ${result.affixGroups} affix groups, ${result.bdic.length} bytes, from ${d.npmPackage}`);
    if (result.skipped.length) log(`  left out (too long for Chromium): ${result.skipped.join(', ')}`);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  try {
    makeDictionaries(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  } catch (e) {
    console.error(`make-dictionaries: ${(e as Error).message}`);
    process.exit(1);
  }
}
