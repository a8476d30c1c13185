/**
 * Reads a Hunspell .aff file into the parts a BDIC stores: the intro comment, the affix group
 * (AF) table, the PFX/SFX rule lines, the REP pairs and every other command.
 *
 * Chromium's Hunspell reads a BDIC as UTF-8 whatever the source said, so text is re-encoded
 * from the `SET` character set while flag characters pass through as the bytes they were.
 */
import { AffixGroups } from './affix-groups';
import { rawBytes, splitLines, stripComment, toUtf8 } from './hunspell-text';

export interface AffData {
  /** The `SET` character set of the .aff and .dic (Hunspell's default is ISO8859-1). */
  encoding: string;
  /** Comment lines before the first command, each ending in "\n" (licences, credits). */
  comment: Buffer;
  groups: AffixGroups;
  /** PFX/SFX lines, header and entries, with single spaces. */
  affixRules: Buffer[];
  /** REP pairs (from, to) with `_` turned back into spaces. */
  replacements: Array<[Buffer, Buffer]>;
  /** All other commands, in file order (TRY, KEY, WORDCHARS, COMPOUNDRULE, ...). */
  otherCommands: Buffer[];
}

/** Commands whose arguments are text (re-encoded), as opposed to flags (kept as bytes). */
const TEXT_COMMANDS = new Set(['TRY', 'MAP', 'KEY', 'WORDCHARS', 'ICONV', 'OCONV', 'BREAK', 'PHONE']);

/** Commands Chromium's Hunspell cannot honour from a BDIC; converting would silently change spelling. */
const UNSUPPORTED: Record<string, string> = {
  IGNORE: 'IGNORE is not supported in a BDIC (the word trie would need the ignored characters removed)',
  COMPLEXPREFIXES: 'COMPLEXPREFIXES is not supported in a BDIC (words would have to be stored reversed)',
};

function findEncoding(lines: { text: string }[]): string {
  for (const { text } of lines) {
    const m = /^SET\s+(\S+)/.exec(stripComment(text));
    if (m) return m[1];
  }
  return 'ISO8859-1';
}

export function readAff(bytes: Uint8Array, file = 'index.aff'): AffData {
  const lines = splitLines(bytes);
  const encoding = findEncoding(lines);
  const groups = new AffixGroups();
  const data: AffData = { encoding, comment: Buffer.alloc(0), groups, affixRules: [], replacements: [], otherCommands: [] };
  const comment: string[] = [];
  let seenCommand = false;
  let seenAfCount = false;
  let seenRepCount = false;

  // First pass: the AF table decides whether affix continuation flags are indices or strings.
  groups.indexed = lines.some((l) => /^AF\s/.test(stripComment(l.text)));

  for (const { number, text: original } of lines) {
    const where = `${file}:${number}`;
    if (!seenCommand && original.startsWith('#')) {
      comment.push(original);
      continue;
    }
    const line = stripComment(original).replace(/[ \t]+/g, ' ');
    if (!line) continue;
    seenCommand = true;
    const command = line.split(' ', 1)[0];
    if (UNSUPPORTED[command]) throw new Error(`${where}: ${UNSUPPORTED[command]}`);

    if (command === 'SET') continue; // A BDIC is always UTF-8.
    if (command === 'AF') {
      // The first AF line is the table's size; the rest are the groups, numbered from 1.
      if (seenAfCount) groups.add(line.slice(3).trim());
      seenAfCount = true;
    } else if (command === 'PFX' || command === 'SFX') {
      data.affixRules.push(affixRule(line, groups, encoding, where));
    } else if (command === 'REP') {
      if (seenRepCount) data.replacements.push(replacement(line.slice(4), encoding, where));
      seenRepCount = true;
    } else if (TEXT_COMMANDS.has(command)) {
      data.otherCommands.push(toUtf8(line, encoding, where));
    } else {
      data.otherCommands.push(rawBytes(line));
    }
  }
  data.comment = toUtf8(comment.map((c) => `${c}\n`).join(''), encoding, `${file}: intro comment`);
  return data;
}

/**
 * `SFX D Y 4` (a header) or `SFX D y ied [^aeiou]y` (an entry). In an entry the strip, affix
 * and condition are text; an affix's continuation flags (`ied/XY`) become an AF index when the
 * .aff has no AF table of its own, since the BDIC always works through aliases.
 */
function affixRule(line: string, groups: AffixGroups, encoding: string, where: string): Buffer {
  const t = line.split(' ');
  const isHeader = t.length === 4 && /^[YN]$/.test(t[2]) && /^\d+$/.test(t[3]);
  if (isHeader) return rawBytes(line);
  if (t.length < 5) throw new Error(`${where}: an affix entry needs a strip, an affix and a condition: "${line}"`);
  let affix = t[3];
  const slash = affix.indexOf('/');
  if (slash >= 0 && !groups.indexed) {
    const flags = affix.slice(slash + 1);
    affix = `${affix.slice(0, slash)}/${flags ? groups.idFor(flags) : ''}`;
  }
  // Morphological fields after the condition do not affect spelling and are dropped.
  return Buffer.concat([rawBytes(`${t[0]} ${t[1]} `), toUtf8(`${t[2]} ${affix} ${t[4]}`, encoding, where)]);
}

function replacement(rule: string, encoding: string, where: string): [Buffer, Buffer] {
  const text = toUtf8(rule.trim(), encoding, where).toString('utf8');
  const space = text.indexOf(' ');
  if (space < 0) throw new Error(`${where}: REP needs a pattern and a replacement separated by a space: "REP ${text}"`);
  const underscoreToSpace = (s: string) => Buffer.from(s.replace(/_/g, ' '), 'utf8');
  return [underscoreToSpace(text.slice(0, space)), underscoreToSpace(text.slice(space + 1))];
}
