import { useEffect, useId, useRef, useState } from 'react';
import { slugify } from '../../../common/text';
import { useClient } from '../../api/ClientContext';
import type { DraftPatch } from './DraftSidePanels';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Props {
  postId: string;
  slug: string;
  title: string;
  /** False while the title is a colleague's, taken into this window: their window stores the slug that follows it. */
  followTitle?: boolean;
  published: boolean;
  onChange: (patch: DraftPatch) => void;
}

/**
 * The post's address. It follows the title while it was generated from it (and the post is not
 * published); typing one makes it the person's own. A taken slug is shown with a free one to use.
 */
export function SlugField({ postId, slug, title, followTitle = true, published, onChange }: Props) {
  const client = useClient();
  const id = useId();
  const [text, setText] = useState(slug);
  const [message, setMessage] = useState<{ text: string; suggestion?: string } | null>(null);
  const stored = useRef(slug);
  const input = useRef<HTMLInputElement>(null);
  const auto = useRef(!published && (slug === slugify(title) || /^untitled(-\d+)?$/.test(slug)));

  const commit = async (wanted: string, fromTitle = false) => {
    const candidate = wanted.trim();
    if (!SLUG_RE.test(candidate) || candidate.length > 120) {
      setMessage({ text: 'A slug is lower-case letters (of any script), digits and single hyphens, up to 120 characters.', suggestion: slugify(candidate || title) });
      return;
    }
    if (candidate === stored.current) {
      setMessage(null);
      return;
    }
    try {
      const check = await client.call('posts.checkSlug', { slug: candidate, id: postId });
      if (!check.available && !fromTitle) {
        setMessage({ text: `“${candidate}” is used by another post.`, suggestion: check.suggestion });
        return;
      }
      const next = check.available ? candidate : check.suggestion;
      stored.current = next;
      setText(next);
      setMessage(null);
      onChange({ slug: next });
    } catch (e) {
      setMessage({ text: (e as Error).message });
    }
  };

  // A slug stored elsewhere (a colleague's, taken into this window) is shown, unless one is being typed here.
  useEffect(() => {
    if (slug === stored.current || document.activeElement === input.current) return;
    stored.current = slug;
    setText(slug);
    setMessage(null);
  }, [slug]);

  // While generated, the slug follows the title saved in this window.
  useEffect(() => {
    if (auto.current && followTitle && title.trim()) void commit(slugify(title), true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title]);

  return (
    <div className="meta-field">
      <label htmlFor={`${id}-slug`}>Slug</label>
      <div className="meta-field__row">
        <input
          ref={input}
          id={`${id}-slug`}
          className="input"
          value={text}
          maxLength={120}
          spellCheck={false}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-msg` : undefined}
          onChange={(e) => {
            auto.current = false;
            setText(e.target.value);
          }}
          onBlur={() => void commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit(text);
            }
          }}
        />
        <button
          type="button"
          className="button"
          onClick={() => {
            auto.current = !published;
            void commit(slugify(title), true);
          }}
        >
          From title
        </button>
      </div>
      {message && (
        <p id={`${id}-msg`} className="error-text meta-field__message" role="alert">
          {message.text}{' '}
          {message.suggestion && (
            <button type="button" className="button" onClick={() => void commit(message.suggestion!)}>
              Use “{message.suggestion}”
            </button>
          )}
        </p>
      )}
    </div>
  );
}
