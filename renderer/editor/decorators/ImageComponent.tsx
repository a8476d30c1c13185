import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { $isImageNode } from '../../../common/editor/nodes';
import { useClient } from '../../api/ClientContext';
import { imageUrl, imageUrlNow } from './asset-url';
import { ImageDetailsForm } from './ImageDetailsForm';
import { useGuestHold } from '../suggestions/useGuestHold';

interface Props {
  nodeKey: NodeKey;
  src: string;
  altText: string;
  caption: string;
}

/** An image in the draft: the picture, its caption, and edit/remove controls for its text. */
export function ImageComponent({ nodeKey, src, altText, caption }: Props) {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  // Known at once for a data: picture or one already fetched: drawn in the first render, with no
  // placeholder and no second render per picture while a long draft opens.
  const [url, setUrl] = useState(() => imageUrlNow(src) ?? '');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(false);
  // A picture's text and presence are the editors' to change: suggestion mode cannot make a suggestion of them.
  const guest = useGuestHold();

  useEffect(() => {
    const now = imageUrlNow(src);
    if (now !== null) return setUrl(now);
    let live = true;
    imageUrl(client, src).then(
      (u) => live && setUrl(u),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [client, src]);

  const update = (alt: string, cap: string) => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setAltText(alt).setCaption(cap);
    });
    setEditing(false);
  };
  const remove = () =>
    editor.update(() => {
      $getNodeByKey(nodeKey)?.remove();
    });

  return (
    <figure className="ed-figure" contentEditable={false} data-image-src={src}>
      {url ? <img src={url} alt={altText} className="ed-figure__img" draggable={false} /> : <div className="ed-figure__missing">{error || 'Loading image…'}</div>}
      {caption && <figcaption className="ed-figure__caption">{caption}</figcaption>}
      {!altText && <p className="ed-figure__warning" role="alert">This image has no alt text; add a description.</p>}
      {editing && !guest.held ? (
        <ImageDetailsForm initialAlt={altText} initialCaption={caption} submitLabel="Save" onSubmit={update} onCancel={() => setEditing(false)} />
      ) : (
        <div className="ed-figure__actions">
          <button type="button" className="button" {...guest.props} onClick={guest.held ? undefined : () => setEditing(true)}>
            Edit alt text and caption
          </button>
          <button type="button" className="button button--danger" {...guest.props} onClick={guest.held ? undefined : remove}>
            Remove image
          </button>
        </div>
      )}
    </figure>
  );
}
