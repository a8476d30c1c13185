/**
 * Suggestion mode in the editor: while it is on, every way of changing the words (typing, Enter,
 * paste, drop, Backspace/Delete, cut, typing over a selection, bold and the other formats) is
 * taken before Lexical's own handlers and recorded as a suggestion instead (common/editor/suggestion-edits.ts).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { copyToClipboard } from '@lexical/clipboard';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { SuggestedDeletionNode, SuggestedFormatNode, SuggestedInsertionNode } from '../../../common/editor/nodes/SuggestionNodes';
import { useClient } from '../../api/ClientContext';
import { memberColourClass } from '../collab/member-colour';
import '../collab/member-colours.css';
import { SUGGESTION_MODE_COMMAND } from '../commands';
import { suggestionMode } from './suggestion-mode';
import { $joinsOwnInsertion, $suggestDelete, $suggestDeleteSelection, $suggestFormat, $suggestInsertText } from '../../../common/editor/suggestion-edits';
import './suggestions.css';

export const GUEST_LOCK = 'Always on for guest authors: your changes are suggestions for the editors to accept.';

export function SuggestionModePlugin() {
  const [editor] = useLexicalComposerContext();
  const client = useClient();

  // As whom: the workspace member, else the person chosen as "me" on this laptop.
  useEffect(() => {
    let live = true;
    void Promise.all([client.call('workspace.status', {}).catch(() => null), client.call('people.me', {}).catch(() => null)]).then(([ws, me]) => {
      if (!live) return;
      const who = ws?.joined && ws.member ? ws.member : me ? { id: me.id, name: me.name } : null;
      suggestionMode.setAuthor(who);
      // The team server takes only suggestions from a guest author (common/sync/body-writes.ts).
      suggestionMode.lock(ws?.joined && ws.role === 'guest-author' ? GUEST_LOCK : null);
    });
    return () => {
      live = false;
      suggestionMode.lock(null);
    };
  }, [client]);

  useEffect(() => {
    const author = () => suggestionMode.author();
    /** A handler that suggests instead, only while the mode is on. */
    const take = <P,>(command: LexicalCommand<P>, fn: (payload: P) => void) =>
      editor.registerCommand(
        command,
        (payload) => {
          if (!suggestionMode.isOn() || !editor.isEditable()) return false;
          fn(payload);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      );
    const extendThenDelete = (backward: boolean, unit: 'word' | 'lineboundary') => {
      const sel = $getSelection();
      if (!$isRangeSelection(sel)) return;
      if (sel.isCollapsed()) sel.modify('extend', backward, unit);
      $suggestDeleteSelection(sel, author(), backward);
    };
    const textOf = (data: DataTransfer | null) => (data?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');

    // Plain typing may take the browser's native path (no command); take it at the root first.
    const onBeforeInput = (e: InputEvent) => {
      if (!suggestionMode.isOn() || !editor.isEditable() || e.isComposing) return;
      if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data) {
        // Typing on in one's own insertion: Lexical's native path keeps the words in it, and the
        // browser moves the caret (no selection set by hand per key). Lexical sends anything it
        // will not type natively as CONTROLLED_TEXT_INSERTION_COMMAND, which is taken below.
        if (e.inputType === 'insertText' && !/[\r\n]/.test(e.data) && editor.read(() => $joinsOwnInsertion(author()))) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        const data = e.data;
        editor.update(() => $suggestInsertText(data, author()));
      }
    };

    /**
     * Each suggestion shows in its author's colour, by class. Set beside the theme's class (Lexical
     * leaves other classes alone); unchanged on a keystroke, so typing touches no style.
     */
    const colour = (mutations: Map<string, string>) => {
      for (const [key, kind] of mutations) {
        if (kind === 'destroyed') continue;
        const el = editor.getElementByKey(key);
        if (!el?.dataset.author) continue;
        const want = memberColourClass(el.dataset.author);
        if (el.classList.contains(want)) continue;
        for (const c of [...el.classList]) if (c.startsWith('member-colour-')) el.classList.remove(c);
        el.classList.add(want);
      }
    };

    return mergeRegister(
      editor.registerRootListener((root, prev) => {
        prev?.removeEventListener('beforeinput', onBeforeInput as EventListener, true);
        root?.addEventListener('beforeinput', onBeforeInput as EventListener, true);
      }),
      editor.registerCommand(
        SUGGESTION_MODE_COMMAND,
        (value) => {
          suggestionMode.set(value ?? !suggestionMode.isOn());
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      take(CONTROLLED_TEXT_INSERTION_COMMAND, (payload) => {
        const text = typeof payload === 'string' ? payload : payload.data ?? textOf(payload.dataTransfer);
        if (text) $suggestInsertText(text, author());
      }),
      take(INSERT_PARAGRAPH_COMMAND, () => $suggestInsertText('\n', author())),
      take(INSERT_LINE_BREAK_COMMAND, () => $suggestInsertText('\n', author())),
      take(DELETE_CHARACTER_COMMAND, (backward) => $suggestDelete(backward, author())),
      take(DELETE_WORD_COMMAND, (backward) => extendThenDelete(backward, 'word')),
      take(DELETE_LINE_COMMAND, (backward) => extendThenDelete(backward, 'lineboundary')),
      take(REMOVE_TEXT_COMMAND, () => {
        const sel = $getSelection();
        if ($isRangeSelection(sel)) $suggestDeleteSelection(sel, author(), false);
      }),
      take(FORMAT_TEXT_COMMAND, (format) => $suggestFormat(format, author())),
      take(PASTE_COMMAND, (event) => {
        const text = event instanceof ClipboardEvent ? textOf(event.clipboardData) : '';
        event.preventDefault();
        editor.update(() => $suggestInsertText(text, author()));
      }),
      take(DROP_COMMAND, (event) => {
        event.preventDefault();
        const text = textOf(event.dataTransfer);
        const range = document.caretRangeFromPoint?.(event.clientX, event.clientY) ?? null;
        editor.update(() => {
          const sel = $getSelection();
          if (range && $isRangeSelection(sel)) sel.applyDOMRange(range);
          $suggestInsertText(text, author());
        });
      }),
      take(CUT_COMMAND, (event) => {
        void copyToClipboard(editor, event instanceof ClipboardEvent ? event : null).then(() =>
          editor.update(() => {
            const sel = $getSelection();
            if ($isRangeSelection(sel)) $suggestDeleteSelection(sel, author(), false);
          }),
        );
      }),
      editor.registerMutationListener(SuggestedInsertionNode, colour),
      editor.registerMutationListener(SuggestedDeletionNode, colour),
      editor.registerMutationListener(SuggestedFormatNode, colour),
    );
  }, [editor]);
  return null;
}
