/**
 * A small, strict iCalendar reader written from RFC 5545 alone (not from our writer), for the
 * tests that read an exported plan back: unfolds lines, splits name;params:value, unescapes
 * TEXT, and collects components. It rejects bare LF line endings and over-long lines, so the
 * tests notice if the writer ever emits them.
 */
export interface IcsComponent {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: IcsComponent[];
}

export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function parseIcs(text: string): IcsComponent {
  if (/[^\r]\n/.test(text)) throw new Error('line ending without CR');
  const physical = text.split('\r\n');
  if (physical.at(-1) === '') physical.pop();
  const octets = new TextEncoder();
  const logical: string[] = [];
  physical.forEach((line, i) => {
    if (octets.encode(line).length > 75) throw new Error(`line ${i + 1} is longer than 75 octets`);
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!logical.length) throw new Error('a continuation line comes first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  });
  const root: IcsComponent = { name: '', props: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no colon in "${line}"`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1];
    if (name === 'BEGIN') {
      const child: IcsComponent = { name: value, props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name || 'nothing'}`);
      stack.pop();
    } else {
      const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
      top.props.push({ name, params, value });
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unbalanced BEGIN/END');
  return root.children[0];
}

/** The first property of that name, its TEXT value unescaped. */
export function icsProp(c: IcsComponent, name: string): string | undefined {
  const p = c.props.find((x) => x.name === name);
  return p === undefined ? undefined : unescapeIcsText(p.value);
}
