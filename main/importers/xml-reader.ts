/**
 * A streaming XML walk on saxes for exports of any size. Memory stays bounded: only the text of
 * the element being read is kept, and a parent's text is dropped when a child opens (whitespace
 * between children never piles up).
 *
 * Safety: a DOCTYPE may declare internal entities (some exporters do), but each is expanded only
 * up to a small size, all references together up to EXPANSION_LIMIT characters, and external or
 * parameter entities are refused outright, never fetched. "Billion laughs" fails on the first
 * reference that crosses the limit, with the position in the message.
 *
 * Namespaces are resolved from the prefix bindings in the file (xmlns:wp="..."), so a format can
 * recognise its elements whatever prefix or export version the file uses.
 */
import { SaxesParser } from 'saxes';
import { AppError } from '../../common/errors';
import { ImportParseError } from './types';

export interface XmlElement {
  /** Local name without prefix. */
  local: string;
  /** Namespace URI bound to the prefix ('' when none). */
  uri: string;
  attributes: Record<string, string>;
  /** 1-based line where the start tag was read (for warnings). */
  line: number;
}

export interface XmlHandlers {
  open?(el: XmlElement, depth: number): void;
  /** text: the element's own text (CDATA sections joined), untrimmed. */
  close?(el: XmlElement, text: string, depth: number): void;
}

const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è', agrave: 'à', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
};
const ENTITY_VALUE_LIMIT = 4_096;
const EXPANSION_LIMIT = 1_000_000;
const ENTITY_COUNT_LIMIT = 100;
/** Text one element may hold: far above any post or comment, low enough to keep memory bounded. */
export const ELEMENT_TEXT_LIMIT = 32 * 1024 * 1024;

interface Scope {
  el: XmlElement;
  text: string;
  bindings: Map<string, string> | null;
}

export async function readXml(chunks: AsyncIterable<string>, fileName: string, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ fileName, position: true });
  // Old exporters leave HTML entities in titles and names; XML does not define them, browsers do.
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const stack: Scope[] = [];
  const rootBindings = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let expanded = 0;

  const where = () => `${fileName}:${parser.line}:${Math.max(1, parser.column)}`;
  const fail = (what: string): never => {
    throw new ImportParseError(`${where()}: ${what}`);
  };

  parser.on('doctype', (doctype) => {
    const declared = declaredEntities(doctype, fail);
    const table = parser.ENTITIES;
    const defaults = { ...(Object.getPrototypeOf(table) as Record<string, string>), ...HTML_ENTITIES };
    // Every reference counts against the expansion budget, so many references to a modest entity fail too.
    parser.ENTITIES = new Proxy({ ...defaults, ...declared } as Record<string, string>, {
      get(target, name: string) {
        const value = target[name];
        if (value !== undefined && name in declared) {
          expanded += value.length;
          if (expanded > EXPANSION_LIMIT) fail(`entity expansion exceeds ${EXPANSION_LIMIT} characters (an entity bomb?); refused`);
        }
        return value;
      },
    });
  });

  // Prefixes resolved since the bindings in scope last changed (only elements declaring xmlns:
  // attributes change them, in practice the root), so each tag costs one map lookup, not a walk.
  const resolved = new Map<string, string>();
  parser.on('opentag', (tag) => {
    let bindings: Map<string, string> | null = null;
    const attributes = tag.attributes as Record<string, string>;
    for (const name in attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        bindings ??= new Map();
        bindings.set(name === 'xmlns' ? '' : name.slice(6), attributes[name]);
      }
    }
    if (bindings) resolved.clear();
    const parent = stack[stack.length - 1];
    if (parent) parent.text = '';
    const scope: Scope = { el: { local: '', uri: '', attributes, line: parser.line }, text: '', bindings };
    stack.push(scope);
    const colon = tag.name.indexOf(':');
    const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
    scope.el.local = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    scope.el.uri = resolved.get(prefix) ?? resolve(prefix);
    handlers.open?.(scope.el, stack.length);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    top.text += t;
    if (top.text.length > ELEMENT_TEXT_LIMIT) fail(`the element <${top.el.local}> that starts on line ${top.el.line} holds more than ${ELEMENT_TEXT_LIMIT / 1024 / 1024} MB of text; refused`);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const depth = stack.length;
    const scope = stack.pop()!;
    if (scope.bindings) resolved.clear();
    handlers.close?.(scope.el, scope.text, depth);
  });

  function resolve(prefix: string): string {
    let uri: string | undefined;
    for (let i = stack.length - 1; i >= 0 && uri === undefined; i--) uri = stack[i].bindings?.get(prefix);
    uri ??= rootBindings.get(prefix);
    if (uri === undefined && prefix) fail(`the prefix "${prefix}" is not bound to a namespace`);
    resolved.set(prefix, uri ?? '');
    return uri ?? '';
  }

  try {
    let any = false;
    for await (const chunk of chunks) {
      if (!any && chunk.length) any = true;
      parser.write(chunk);
    }
    if (!any) throw new ImportParseError(`${fileName}:1:1: the file is empty`);
    parser.close();
  } catch (err) {
    if (err instanceof ImportParseError || err instanceof AppError || (err as Error).constructor !== Error) throw err;
    // saxes reports `file:line:column: message`; keep it, it says where.
    throw new ImportParseError((err as Error).message.replace(/\.$/, '').replace(/^(.*?:\d+):0: /, '$1:1: '));
  }
}

/** Internal entity declarations of a DOCTYPE, expanded with limits; external ones are refused. */
function declaredEntities(doctype: string, fail: (what: string) => never): Record<string, string> {
  const raw = new Map<string, string>();
  const decl = /<!ENTITY\s+(%\s+)?([^\s%]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b)/g;
  for (let m = decl.exec(doctype); m; m = decl.exec(doctype)) {
    if (m[5]) fail(`external entity "${m[2]}" (${m[5]}) is not allowed; nothing is fetched from outside the file`);
    if (m[1]) fail(`parameter entity "${m[2]}" is not allowed`);
    raw.set(m[2], m[3] ?? m[4] ?? '');
    if (raw.size > ENTITY_COUNT_LIMIT) fail(`more than ${ENTITY_COUNT_LIMIT} entity declarations; refused`);
  }
  const done: Record<string, string> = {};
  const expand = (name: string, seen: string[]): string => {
    if (done[name] !== undefined) return done[name];
    if (seen.includes(name)) fail(`entity "${name}" refers to itself`);
    const value = raw.get(name)!.replace(/&([^;&\s]+);/g, (whole, ref: string) => (raw.has(ref) ? expand(ref, [...seen, name]) : whole));
    if (value.length > ENTITY_VALUE_LIMIT) fail(`entity "${name}" expands to more than ${ENTITY_VALUE_LIMIT} characters (an entity bomb?); refused`);
    if (value.includes('<')) fail(`entity "${name}" contains markup; only plain-text entities are supported`);
    done[name] = value;
    return value;
  };
  for (const name of raw.keys()) expand(name, []);
  return done;
}
