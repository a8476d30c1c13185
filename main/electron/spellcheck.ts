/**
 * Spellcheck in the desktop app: en-GB by default, dictionaries from the app bundle only.
 *
 * On Windows and Linux Chromium checks with Hunspell dictionaries in its own binary format
 * (`.bdic`, e.g. `en-GB-10-1.bdic`), looked for in `<userData>/Dictionaries` and otherwise
 * downloaded from a Google CDN. We (1) copy the bundled `.bdic` files there before the first
 * check, and (2) point the download URL at the bundled folder, so nothing is ever fetched from
 * the network. macOS uses the system spellchecker; the language list is ignored there.
 *
 * The `.bdic` files are made at build time by scripts/make-dictionaries.ts from the npm package
 * `dictionary-en-gb` (our converter in scripts/bdic/), under the names Chromium asks for
 * (en-GB-10-1 up to Chromium 151, en-GB-10-2 by Chromium 154); the build puts them in
 * `resources/dictionaries/`. Without them spellcheck is off, never online.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from 'electron';

export const SPELLCHECK_LANGUAGES = ['en-GB'];

export interface SpellcheckOptions {
  /** Folder with the bundled `.bdic` files (e.g. process.resourcesPath + '/dictionaries'). */
  dictionariesDir: string;
  /** app.getPath('userData'): Chromium reads `<userData>/Dictionaries`. */
  userDataDir: string;
  platform?: NodeJS.Platform;
  log?: (message: string) => void;
}

export interface SpellcheckSetup {
  languages: string[];
  downloadUrl: string;
  /** Dictionaries found in the bundle and placed where Chromium looks. */
  installed: string[];
  /** Languages with no bundled dictionary: those words go unchecked (never downloaded). */
  missing: string[];
}

/** The bundled dictionaries, in the file names Chromium asks for (e.g. en-GB-10-1.bdic). */
function bdicFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.bdic'));
  } catch {
    return [];
  }
}

const downloadUrlOf = (dir: string) => pathToFileURL(path.resolve(dir)).href.replace(/\/?$/, '/');

/**
 * Before the window loads: spellcheck off and downloads pointed at the bundle, so nothing is
 * fetched from the network while the dictionaries are not installed yet. Cheap; the copying and
 * the languages (configureSpellcheck) wait until the first screen is shown.
 */
export function prepareSpellcheck(session: Session, o: Pick<SpellcheckOptions, 'dictionariesDir'>): void {
  session.setSpellCheckerEnabled(false);
  session.setSpellCheckerDictionaryDownloadURL(downloadUrlOf(o.dictionariesDir));
}

export function configureSpellcheck(session: Session, o: SpellcheckOptions): SpellcheckSetup {
  const log = o.log ?? (() => {});
  const platform = o.platform ?? process.platform;
  const downloadUrl = downloadUrlOf(o.dictionariesDir);
  // Must come before the languages: setting languages may start a download at once.
  session.setSpellCheckerDictionaryDownloadURL(downloadUrl);

  const bundled = bdicFiles(o.dictionariesDir);
  const target = path.join(o.userDataDir, 'Dictionaries');
  const installed: string[] = [];
  if (bundled.length) fs.mkdirSync(target, { recursive: true });
  for (const file of bundled) {
    const dest = path.join(target, file);
    try {
      const src = path.join(o.dictionariesDir, file);
      if (!fs.existsSync(dest) || fs.statSync(dest).size !== fs.statSync(src).size) fs.copyFileSync(src, dest);
      installed.push(file);
    } catch (e) {
      log(`spellcheck: could not install ${file}: ${(e as Error).message}`);
    }
  }
  const missing = SPELLCHECK_LANGUAGES.filter((lang) => !bundled.some((f) => f.toLowerCase().startsWith(`${lang.toLowerCase()}-`)));
  if (platform !== 'darwin') {
    const available = new Set(session.availableSpellCheckerLanguages);
    const languages = SPELLCHECK_LANGUAGES.filter((l) => available.size === 0 || available.has(l));
    session.setSpellCheckerLanguages(languages);
    if (missing.length) log(`spellcheck: no bundled dictionary for ${missing.join(', ')} in ${o.dictionariesDir}; those words are not checked (nothing is downloaded).`);
  }
  session.on('spellcheck-dictionary-download-failure', (_event, language) => {
    log(`spellcheck: the ${language} dictionary is not in ${o.dictionariesDir}.`);
  });
  // On last, once the dictionaries are in place and the languages chosen.
  session.setSpellCheckerEnabled(true);
  return { languages: SPELLCHECK_LANGUAGES, downloadUrl, installed, missing };
}
