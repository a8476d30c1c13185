/**
 * Disqus XML export: <thread> elements become posts, <post> elements become comments.
 * Threading is by <parent dsq:id>. A post whose thread is not in the file is kept on a
 * placeholder post and flagged 'thread-missing'; replies to a missing parent are linked (or
 * flagged 'orphan') by the writer.
 */
import { parseIsoish } from './dates';
import { readXml, type XmlElement } from './xml-reader';
import type { Importer } from './types';

function dsqId(el: XmlElement): string {
  for (const [name, value] of Object.entries(el.attributes)) if (name === 'id' || name.endsWith(':id')) return value.trim();
  return '';
}

export const parseDisqus: Importer = async (chunks, sink, { fileName }) => {
  const threads = new Set<string>();
  const missing = new Set<string>();
  let kind: 'thread' | 'post' | null = null;
  let f: Record<string, string> = {};
  let line = 0;
  let sawRoot = false;

  await readXml(chunks, fileName, {
    open(el, depth) {
      if (depth === 1) sawRoot = el.local === 'disqus';
      if (depth === 2 && (el.local === 'thread' || el.local === 'post')) {
        kind = el.local;
        f = { dsqId: dsqId(el) };
        line = el.line;
      } else if (kind === 'post' && depth === 3 && (el.local === 'thread' || el.local === 'parent')) {
        f[el.local] = dsqId(el);
      }
    },
    close(el, text, depth) {
      if (!kind) return;
      if (depth === 3 || (depth === 4 && ['name', 'email', 'username', 'link'].includes(el.local))) {
        const key = depth === 4 ? `author.${el.local}` : el.local;
        if (!(el.local === 'thread' || el.local === 'parent') || depth === 4) f[key] = text;
        return;
      }
      if (depth !== 2) return;
      const at = `${fileName}:${line}`;
      if (kind === 'thread') {
        const key = f.dsqId || f.id?.trim() || `line-${line}`;
        threads.add(key);
        sink.post({ key, title: (f.title ?? '').trim(), link: (f.link ?? '').trim(), slug: '', publishedAt: parseIsoish(f.createdAt ?? ''), contentHtml: '' });
      } else {
        const id = f.dsqId || (f.id ?? '').trim();
        if (!id) sink.warning(`${at}: a post without dsq:id was skipped`);
        else {
          const flags: string[] = [];
          let thread = f.thread ?? '';
          if (!threads.has(thread)) {
            flags.push('thread-missing');
            thread = thread || 'none';
            if (!missing.has(thread)) {
              missing.add(thread);
              sink.warning(`${at}: post ${id} belongs to thread ${thread}, which is not in the file; kept on a placeholder post and flagged 'thread-missing'`);
              sink.post({ key: thread, title: `Missing Disqus thread ${thread}`, link: '', slug: `disqus-thread-${thread}`, publishedAt: null, contentHtml: '' });
            }
          }
          const yes = (v: string | undefined) => (v ?? '').trim().toLowerCase() === 'true';
          // Disqus marks spam and deleted posts; only an explicit isApproved says a moderator let
          // one through, so without it a post waits for a decision rather than being published.
          const approvedGiven = f.isApproved !== undefined && f.isApproved.trim() !== '';
          const status = yes(f.isSpam) ? 'spam' : yes(f.isDeleted) ? 'trash' : approvedGiven ? (yes(f.isApproved) ? 'approved' : 'pending') : 'pending';
          sink.comment({
            sourceId: id,
            postKey: thread,
            parentSourceId: f.parent || null,
            author: { name: (f['author.name'] || f['author.username'] || '').trim(), role: '', organisation: '', email: (f['author.email'] ?? '').trim(), url: (f['author.link'] ?? '').trim() },
            postedAt: parseIsoish(f.createdAt ?? ''),
            body: (f.message ?? '').trim(),
            bodyIsHtml: true,
            status,
            statusDefaulted: status === 'pending' && !approvedGiven ? 'no isApproved in the Disqus export' : undefined,
            type: 'comment',
            flags,
            at,
          });
        }
      }
      kind = null;
    },
  });
  if (!sawRoot) sink.warning(`${fileName}: the root element is not <disqus>; is this a Disqus export?`);
};
