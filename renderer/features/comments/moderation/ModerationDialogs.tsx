import { useCallback, useState } from 'react';
import type { RuleRunReport } from '../../../../common/api/moderation';
import { useModule } from '../../../shell/module-loader';
import { commenterViewLoader, rulesDialogLoader } from './loaders';

/** Which moderation dialog is open, and the name of the commenter the pane is filtered to. */
export function useModerationDialogs() {
  const [rules, setRules] = useState(false);
  const [commenter, setCommenter] = useState<{ key: string; name: string } | null>(null);
  const [commenterName, setCommenterName] = useState<string | null>(null);
  return {
    rules,
    commenter,
    commenterName,
    setCommenterName,
    openRules: useCallback(() => setRules(true), []),
    closeRules: useCallback(() => setRules(false), []),
    openCommenter: useCallback((key: string, name: string) => setCommenter({ key, name }), []),
    closeCommenter: useCallback(() => setCommenter(null), []),
  };
}

interface Props {
  state: ReturnType<typeof useModerationDialogs>;
  selectedIds: string[];
  postId: string | undefined;
  onApplied: (report: RuleRunReport) => void;
}

/** The rules dialog and the commenter view, each loaded (its own chunk) when first opened. */
export function ModerationDialogs({ state, selectedIds, postId, onApplied }: Props) {
  const rules = useModule(rulesDialogLoader, state.rules);
  const view = useModule(commenterViewLoader, state.commenter !== null);
  const failed = (state.rules && rules.error) || (state.commenter && view.error);
  return (
    <>
      {failed && (
        <p className="error-text" role="alert">
          The dialog could not be loaded: {failed}
        </p>
      )}
      {state.rules && rules.mod && <rules.mod.RulesDialog selectedIds={selectedIds} postId={postId} onApplied={onApplied} onClose={state.closeRules} />}
      {state.commenter && view.mod && <view.mod.CommenterView commenterKey={state.commenter.key} name={state.commenter.name} onClose={state.closeCommenter} />}
    </>
  );
}
