/**
 * Finds anything active left in sanitized HTML: elements that run or load something, event
 * handler attributes, script-capable URLs, inline CSS, and id/name attributes that could
 * clobber globals the page relies on. Parsed with a real HTML parser (jsdom), the way a browser
 * would, template contents included, so a payload hidden by a parsing trick is still found.
 */
import { JSDOM } from 'jsdom';

const ACTIVE_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'input', 'button',
  'textarea', 'select', 'svg', 'math', 'template', 'noscript', 'foreignobject', 'animate', 'set', 'video', 'audio', 'source', 'portal',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcset', 'codebase', 'cite', 'ping']);
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;
const REMOTE = /^(?:https?:)?\/\//i;

/** Lower-cases a URL and strips the whitespace and control characters browsers ignore in a scheme. */
function normalizeUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

let parser: InstanceType<JSDOM['window']['DOMParser']> | null = null;

/** Parses a page around the markup with one jsdom window's DOMParser (a new JSDOM per call costs far more). */
function parsePage(html: string): Document {
  parser ??= new new JSDOM('').window.DOMParser();
  return parser.parseFromString(html, 'text/html');
}

export function findActiveContent(html: string): string[] {
  // Without a '<' there is no element, so nothing active.
  if (!html.includes('<')) return [];
  const problems: string[] = [];
  const visit = (root: ParentNode) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.localName.toLowerCase();
      if (ACTIVE_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = normalizeUrl(attr.value);
        if (name.startsWith('on')) problems.push(`${name} handler on <${tag}>`);
        if (name === 'style') problems.push(`style attribute on <${tag}>`);
        if (name === 'srcdoc') problems.push(`srcdoc on <${tag}>`);
        if (name === 'id' || name === 'name' || name === 'form') problems.push(`${name}="${attr.value}" on <${tag}> (DOM clobbering)`);
        if (URL_ATTRIBUTES.has(name) && SCRIPT_URL.test(value)) problems.push(`${name}="${attr.value.slice(0, 40)}" on <${tag}>`);
        if (URL_ATTRIBUTES.has(name) && name !== 'href' && REMOTE.test(value)) problems.push(`${name} loads ${attr.value.slice(0, 60)} on <${tag}>`);
      }
      if (tag === 'template') visit((el as HTMLTemplateElement).content);
    }
  };
  // Inside a page's body (where a comment lives), and as a document of its own, where a leading
  // <frameset> or <html>/<head> tag would take effect: active either way is active.
  visit(parsePage(`<!doctype html><body>${html}</body>`));
  visit(parsePage(html));
  return [...new Set(problems)];
}

/** The text a reader would see, for checking that sanitizing kept the comment's words. */
export function visibleText(html: string): string {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`);
  const text = dom.window.document.body.textContent ?? '';
  dom.window.close();
  return text;
}
