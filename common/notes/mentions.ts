/**
 * An @mention inside a note message's text: `@[Sam Reviewer](<member id>)`. The id is what the
 * mention means (For you finds it by id, whatever the member is called later); the name is what
 * the message shows, as it was when written, so a thread reads the same on a laptop that does not
 * know the member yet. The syntax is kept plain text so a message stays one string that travels
 * and is edited as one.
 */
export interface Mention {
  id: string;
  name: string;
}

export type MessagePart = { text: string } | { mention: Mention };

// A name holds no brackets or line breaks; an id is a member's id (uuid-like, lower-case hex and dashes).
const MENTION = /@\[([^\[\]\n]{1,120})\]\(([0-9a-z][0-9a-z-]{0,63})\)/g;

/** The token to insert for a member. Brackets in a name (never in practice) are dropped, not escaped. */
export function mentionToken(m: Mention): string {
  return `@[${m.name.replace(/[[\]\n]/g, '').trim() || 'someone'}](${m.id})`;
}

/** The message as text and mentions, in order (what the window shows). */
export function messageParts(body: string): MessagePart[] {
  const out: MessagePart[] = [];
  let at = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index! > at) out.push({ text: body.slice(at, match.index) });
    out.push({ mention: { name: match[1], id: match[2] } });
    at = match.index! + match[0].length;
  }
  if (at < body.length) out.push({ text: body.slice(at) });
  return out;
}

/** The member ids a message mentions, each once, in order of first mention. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]))];
}

/** The message as a person reads it: each mention as `@Name`. */
export function plainMessage(body: string): string {
  return messageParts(body)
    .map((p) => ('text' in p ? p.text : `@${p.mention.name}`))
    .join('');
}

/**
 * The `@word` being typed just before the caret, if any: where it starts and what follows the @.
 * An @ counts only at the start or after a space or an opening bracket, so an e-mail address
 * (ann@example.org) does not open the member list.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && !/[\s(]/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@\[\]]/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}

/**
 * The composer shows a mention as `@Name` and remembers whom each name picked: on sending, each
 * `@Name` still in the text becomes that member's token (longer names first, so "@Sam Reviewer"
 * is not taken for "@Sam"). A picked name the user deleted mentions nobody.
 */
export function withMentionTokens(text: string, picked: readonly Mention[]): string {
  const byName = [...new Map(picked.map((m) => [m.name, m])).values()].sort((a, b) => b.name.length - a.name.length);
  if (byName.length === 0) return text;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`@(${byName.map((m) => escape(m.name)).join('|')})(?![\\w])`, 'g');
  return text.replace(pattern, (_all, name: string) => mentionToken(byName.find((m) => m.name === name)!));
}

/** A stored message back as the composer shows it, with the mentions it holds (to edit it). */
export function forComposer(body: string): { text: string; picked: Mention[] } {
  return { text: plainMessage(body), picked: messageParts(body).flatMap((p) => ('mention' in p ? [p.mention] : [])) };
}
