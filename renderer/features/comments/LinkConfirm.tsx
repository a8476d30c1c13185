import { useEffect, useRef } from 'react';

/** Asks before a link from a comment leaves the app; shows the full address so a disguised link is visible. */
export function LinkConfirm({ url, onOpen, onClose }: { url: string; onOpen: () => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="comments-dialog" aria-labelledby="link-confirm-title" onClose={onClose}>
      <h2 id="link-confirm-title">Open this link?</h2>
      <p>A reader's comment links to:</p>
      <p className="link-confirm__url">
        <bdi>{url}</bdi>
      </p>
      <p>It opens in your web browser.</p>
      <div className="comments-dialog__buttons">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onOpen}>
          Open link
        </button>
      </div>
    </dialog>
  );
}
