import { memo } from 'react';
import type { CommentStatus } from '../../../common/domain';
import type { UndoStep } from './useModeration';

interface Props {
  selectedCount: number;
  total: number;
  busy: boolean;
  undo: UndoStep | null;
  threadOf?: string;
  onAct: (s: CommentStatus) => void;
  onSelectAll: () => void;
  onClear: () => void;
  onUndo: () => void;
  onLeaveThread: () => void;
}

const ACTIONS: [CommentStatus, string, string][] = [
  ['approved', 'Approve', 'a'],
  ['pending', 'Pending', 'u'],
  ['spam', 'Spam', 's'],
  ['trash', 'Trash', 'd'],
];

/** Actions on the selection (or the focused comment), select all in filter, and Undo. */
export const ModerationBar = memo(function ModerationBar({ selectedCount, total, busy, undo, threadOf, onAct, onSelectAll, onClear, onUndo, onLeaveThread }: Props) {
  return (
    <div className="modbar" role="toolbar" aria-label="Moderation">
      <span className="modbar__sel" data-testid="selection-count">
        {selectedCount ? `${selectedCount.toLocaleString('en-GB')} selected` : 'Focused comment'}
      </span>
      {ACTIONS.map(([s, label, key]) => (
        <button key={s} type="button" className="button" disabled={busy || total === 0} onClick={() => onAct(s)} aria-keyshortcuts={key}>
          {label} <kbd>{key}</kbd>
        </button>
      ))}
      <button type="button" className="button" disabled={total === 0} onClick={onSelectAll}>
        Select all {total.toLocaleString('en-GB')}
      </button>
      {selectedCount > 0 && (
        <button type="button" className="button" onClick={onClear}>
          Clear selection
        </button>
      )}
      {threadOf && (
        <button type="button" className="button" onClick={onLeaveThread}>
          Back from thread
        </button>
      )}
      {undo && (
        <span className="modbar__undo">
          <span>{undo.label}.</span>
          <button type="button" className="button" disabled={busy} onClick={onUndo} aria-keyshortcuts="Control+Z">
            Undo
          </button>
        </span>
      )}
    </div>
  );
});
