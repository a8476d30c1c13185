import { Loaded } from './Loaded';
import { exportDialogLoader } from './loaders';
import type { ExportDialogProps } from './ExportDialog';

/** The Export dialog for a draft or a series, from its own chunk. */
export function ExportDialogSlot(props: ExportDialogProps) {
  return <Loaded loader={exportDialogLoader} what="export dialog" render={(m) => <m.ExportDialog {...props} />} />;
}

/** Ctrl+Shift+E (Cmd on a Mac): Export… wherever the focus is in the draft. */
export const EXPORT_KEYS = { code: 'KeyE', label: 'Ctrl+Shift+E', aria: 'Control+Shift+E' };
/** Ctrl+Shift+P: the preview, and back. */
export const PREVIEW_KEYS = { code: 'KeyP', label: 'Ctrl+Shift+P', aria: 'Control+Shift+P' };

/** By code (layouts do not move it), or by key for the chord the desktop menu sends, which may carry no code. */
export function isChord(e: KeyboardEvent, keys: { code: string }): boolean {
  const key = keys.code.replace(/^Key/, '');
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === keys.code || (!e.code && e.key.toUpperCase() === key));
}
