import { useStatus, type SaveState } from './status-store';
import { BackupsButton } from '../features/backup/BackupsButton';
import { ConnectionsButton } from '../features/connections/ConnectionsButton';
import { WorkspaceButton } from '../features/workspace/WorkspaceButton';

function saveText(s: SaveState): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Save failed: ${s.reason}`;
  }
}

export function StatusBar({ mode }: { mode: 'electron' | 'browser' }) {
  const { save, message } = useStatus();
  return (
    <footer className="statusbar">
      <span className="statusbar__save" role="status" aria-live="polite" data-state={save.kind}>
        {saveText(save)}
      </span>
      <span className="statusbar__message" aria-live="polite">{message}</span>
      <ConnectionsButton />
      <WorkspaceButton />
      <BackupsButton />
      <span className="statusbar__mode">{mode === 'browser' ? 'Browser mode · this computer only' : 'Desktop'}</span>
    </footer>
  );
}
