import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCollaborationContext } from '@lexical/react/LexicalCollaborationContext';
import { $getRoot, SKIP_COLLAB_TAG } from 'lexical';
import type { Provider } from '@lexical/yjs';
import type { Role } from '../../../common/sync/documents';
import type * as Y from 'yjs';
import { registerCopyMending } from '../../../common/editor/merged-copies';
import { createBodyProvider, type BodyProvider } from './body-provider';
import { Presence } from './Presence';

export interface CoEditSettings {
  /** The body's document name, `body/<postId>`. */
  docName: string;
  /** The per-launch secret the stream checks. */
  secret: string;
  /** The stream's address: the page's own server in browser mode, a loopback one of the desktop app's. */
  url: string;
  member: { id: string; name: string };
  colour: string;
  readOnly: boolean;
  /** The member's role: a guest author reads their draft and is told how they may take part. */
  role: Role;
}

interface Props {
  settings: CoEditSettings;
  cursorsRef: RefObject<HTMLDivElement | null>;
}

/**
 * Binds the editor to the draft body's Yjs document through Lexical's own CollaborationPlugin:
 * the text, every member's caret and selection, and undo through Y.UndoManager (so each member
 * undoes only their own changes; the HistoryPlugin is never mounted beside it). The document is
 * seeded once by the main process, never here (shouldBootstrap is off).
 */
export function CoEditPlugin({ settings, cursorsRef }: Props) {
  const [editor] = useLexicalComposerContext();
  // Words two members' suggestions or format changes doubled in a merge are mended on every laptop
  // alike (and this editor's format changes' cuts stamped, so they can be).
  useEffect(() => registerCopyMending(editor), [editor]);
  const { yjsDocMap } = useCollaborationContext();
  const [resync, setResync] = useState<{ generation: number; reason: string } | null>(null);
  /**
   * The stream refused one of this window's updates (a guest author's change to the text itself):
   * Yjs would hold every later update of this window behind it, so the window's copy is dropped and
   * the binding made again from main's document, which never had the refused change.
   */
  const onRefused = useCallback(
    (reason: string) => {
      // As Lexical's own document reload does: emptied without telling the (old) document.
      editor.update(() => $getRoot().clear(), { tag: SKIP_COLLAB_TAG });
      yjsDocMap.delete(settings.docName);
      setResync((r) => ({ generation: (r?.generation ?? 0) + 1, reason }));
    },
    [editor, yjsDocMap, settings.docName],
  );
  return (
    <>
      <BodyBinding key={resync?.generation ?? 0} settings={settings} cursorsRef={cursorsRef} onRefused={onRefused} />
      <p className="coedit-resync" role="status">
        {resync ? `Your last change was undone: ${reason(resync.reason)} The draft shows the team’s copy again.` : ''}
      </p>
    </>
  );
}

/** The stream's reason, as a sentence. */
const reason = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** One binding of the editor to the body's document, made again (with a new key) after a refusal. */
function BodyBinding({ settings, cursorsRef, onRefused }: Props & { onRefused: (reason: string) => void }) {
  const holder = useRef<BodyProvider | null>(null);
  const [provider, setProvider] = useState<BodyProvider | null>(null);
  const factory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>): Provider => {
      const made = createBodyProvider(id, settings.secret, docMap, settings.url, onRefused);
      holder.current = made;
      return made.lexical;
    },
    [settings.secret, settings.url, onRefused],
  );
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    const made = holder.current;
    setProvider(made);
    return () => {
      mounted.current = false;
      // StrictMode (any development build) runs this cleanup and the effect again at once, while
      // CollaborationPlugin keeps the provider it already made and only reconnects it: destroying
      // it here left the editor on a detached provider that never synced, an empty draft. So the
      // provider goes only when no remount followed within the same task: a real unmount.
      setTimeout(() => {
        if (!mounted.current) made?.hocuspocus.destroy();
      }, 0);
    };
  }, []);
  return (
    <>
      <CollaborationPlugin
        id={settings.docName}
        providerFactory={factory}
        shouldBootstrap={false}
        username={settings.member.name}
        cursorColor={settings.colour}
        cursorsContainerRef={cursorsRef}
        awarenessData={{ memberId: settings.member.id }}
      />
      {provider && <Presence provider={provider} self={settings.member} />}
    </>
  );
}
