import { useEffect, useId, useState } from 'react';
import type { Post } from '../../../common/domain';
import { useClient } from '../../api/ClientContext';
import { imageUrl } from '../../editor/decorators/asset-url';
import { readAsBase64 } from '../../editor/toolbar/read-file';
import type { ChecklistContext } from './live-checklist';

interface Props {
  post: Post;
  context: ChecklistContext | null;
  setFeatured: (assetId: string | null, alt: string) => Promise<void>;
}

/** The featured image with its alt text, and how the post's social card (Open Graph, Twitter) will look. */
export function FeaturedImagePanel({ post, context, setFeatured }: Props) {
  const client = useClient();
  const id = useId();
  const featured = context?.featuredImage ?? null;
  const [alt, setAlt] = useState(featured?.alt ?? '');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  useEffect(() => setAlt(featured?.alt ?? ''), [featured?.alt]);
  useEffect(() => {
    let live = true;
    if (featured) void imageUrl(client, `asset:${featured.assetId}`).then((u) => live && setUrl(u));
    else setUrl('');
    return () => {
      live = false;
    };
  }, [client, featured]);

  const run = (op: () => Promise<void>) => op().then(() => setError(''), (e: Error) => setError(e.message));
  const choose = (file: File | undefined) =>
    file &&
    run(async () => {
      const asset = await client.call('drafts.uploadAsset', { postId: post.id, fileName: file.name, dataBase64: await readAsBase64(file) });
      await setFeatured(asset.id, alt);
    });

  return (
    <section className="draft-panel featured" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Featured image and social card
      </h2>
      <div className="meta-field">
        <label htmlFor={`${id}-file`}>Featured image</label>
        <input id={`${id}-file`} type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {featured && (
        <>
          <div className="meta-field">
            <label htmlFor={`${id}-alt`}>Featured image alt text</label>
            <input id={`${id}-alt`} className="input" value={alt} maxLength={500} onChange={(e) => setAlt(e.target.value)} onBlur={() => alt !== featured.alt && void run(() => setFeatured(featured.assetId, alt))} />
          </div>
          <button type="button" className="button button--small" onClick={() => void run(() => setFeatured(null, ''))}>
            Remove featured image
          </button>
        </>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <figure className="social-card" aria-label="Social card preview">
        {url ? <img className="social-card__image" src={url} alt={alt} /> : <div className="social-card__image" aria-hidden="true" />}
        <figcaption className="social-card__body">
          <span className="social-card__site">{post.label || 'Guest blog'}</span>
          <span className="social-card__title">{post.title || 'Untitled'}</span>
          <span className="social-card__description">{post.standfirst || 'No standfirst: the card will have no description.'}</span>
        </figcaption>
      </figure>
    </section>
  );
}
