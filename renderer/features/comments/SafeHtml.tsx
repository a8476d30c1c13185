import DOMPurify from 'dompurify';
import { createElement, useMemo, useState, type ReactNode } from 'react';
import { lazyView } from '../../shell/lazy-view';
import { defuseHandlers } from './defuse-handlers';

const LinkConfirm = lazyView('The link dialog', () => import('./LinkConfirm'), (m) => m.LinkConfirm);

/** The same allow-list the importer uses; anything else is dropped with its content kept as text. */
const TAGS = ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

/**
 * Comment HTML shown inert. It was sanitized on import; it is sanitized again here and then
 * rebuilt as React elements (never assigned as innerHTML), keeping only allowed tags and an
 * http(s)/mailto href. No attribute but href survives, so no style, handler or remote load.
 */
export function SafeHtml({ html }: { html: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const content = useMemo(() => {
    const clean = DOMPurify.sanitize(defuseHandlers(html), { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ['href'] });
    // Parsed again in an inert document (no scripts, no loads) only to rebuild it as React elements.
    const frag = new DOMParser().parseFromString(clean, 'text/html').body;
    let key = 0;
    const build = (node: Node): ReactNode => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      const children = Array.from(el.childNodes).map(build);
      if (!TAGS.includes(tag)) return createElement('span', { key: key++ }, ...children);
      if (tag === 'br') return createElement('br', { key: key++ });
      if (tag === 'a') {
        const href = el.getAttribute('href') ?? '';
        if (!SAFE_URL.test(href.trim())) return createElement('span', { key: key++, className: 'inert-link' }, ...children);
        return createElement(
          'a',
          {
            key: key++,
            href,
            target: '_blank',
            rel: 'noopener noreferrer',
            onClick: (e: { preventDefault: () => void }) => {
              e.preventDefault();
              setPending(href);
            },
          },
          ...children,
        );
      }
      return createElement(tag, { key: key++, dir: 'auto' }, ...children);
    };
    return Array.from(frag.childNodes).map(build);
  }, [html]);

  return (
    <div className="safe-html">
      {content}
      {pending && (
        <LinkConfirm
          url={pending}
          onClose={() => setPending(null)}
          onOpen={() => {
            window.open(pending, '_blank', 'noopener,noreferrer');
            setPending(null);
          }}
        />
      )}
    </div>
  );
}
