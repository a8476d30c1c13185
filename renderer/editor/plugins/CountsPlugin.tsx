import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, $getSelection, $isRangeSelection } from 'lexical';
import { countCharacters, countWords, readingMinutes } from '../../../common/text';
import { status } from '../../shell/status-store';
import { SuggestedDeletionNode, SuggestedFormatNode, SuggestedInsertionNode } from '../../../common/editor/nodes/SuggestionNodes';
import { $allSuggestionNodes, $suggestionTexts } from '../../../common/editor/suggestion-edits';

const COUNT_DELAY_MS = 400;

const n = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** "1,204 words · 1,230 with suggestions": the first is what readers get until someone accepts. */
function describeBoth(without: string, withAll: string): string {
  const words = countWords(without);
  return `${n(words, 'word', 'words')} · ${countWords(withAll).toLocaleString('en-GB')} with suggestions · ${n(countCharacters(without), 'character', 'characters')} · ${readingMinutes(words)} min read`;
}

function describe(text: string): string {
  const words = countWords(text);
  return `${n(words, 'word', 'words')} · ${n(countCharacters(text), 'character', 'characters')} · ${readingMinutes(words)} min read`;
}

/**
 * Word count, character count and reading time in the status bar, for the draft and for a
 * selection. Counting a long draft costs milliseconds, so it runs once typing pauses, never per
 * keystroke.
 */
export function CountsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let suggested = false;
    const recount = () => {
      timer = null;
      const message = editor.getEditorState().read(() => {
        // Only a draft that has had suggestions pays for the second walk.
        if (suggested && $allSuggestionNodes().length === 0) suggested = false;
        const texts = suggested ? $suggestionTexts() : null;
        const total = texts ? describeBoth(texts.without, texts.with) : describe($getRoot().getTextContent());
        const selection = $getSelection();
        if ($isRangeSelection(selection) && !selection.isCollapsed()) return `Selection: ${describe(selection.getTextContent())} | Draft: ${total}`;
        return total;
      });
      status.setMessage(message);
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(recount, COUNT_DELAY_MS);
    };
    // The first count waits for the opened draft to be painted: counting 36,000 words is not
    // needed to start editing.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(recount, { timeout: 1000 }) : null;
    if (idle === null) later();
    const sawSuggestion = () => {
      suggested = true;
    };
    const unregister = mergeRegister(
      editor.registerUpdateListener(later),
      ...[SuggestedInsertionNode, SuggestedDeletionNode, SuggestedFormatNode].map((k) => editor.registerMutationListener(k, sawSuggestion, { skipInitialization: false })),
    );
    return () => {
      unregister();
      if (timer) clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
      status.setMessage('');
    };
  }, [editor]);
  return null;
}
