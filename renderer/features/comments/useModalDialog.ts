import { useEffect, useRef, type SyntheticEvent } from 'react';

/**
 * A native <dialog> shown modal on mount. `close` closes the native dialog first, so the page is no
 * longer inert when onClose moves the focus back to the list, and tells the pane at once: the
 * dialog's own close event comes a task later, and a key pressed in between would find it still
 * marked open. Escape goes the same way.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const close = () => {
    ref.current?.close();
    onClose();
  };
  const onCancel = (e: SyntheticEvent<HTMLDialogElement>) => {
    e.preventDefault();
    close();
  };
  return { ref, close, onCancel };
}
