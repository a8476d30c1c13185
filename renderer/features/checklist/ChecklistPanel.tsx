import { useEffect, useId, useState, useSyncExternalStore, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { LiveChecklist } from './live-checklist';
import { jumpTo } from './jump';
import { formatDate } from '../../format/dates';
import './checklist.css';

export const COLLAPSED_KEY = 'workbench.checklist.collapsed';

/** Each rule's state, live, with a jump to the place that fails it. */
export function ChecklistPanel({ checklist, editorRef, refusal }: { checklist: LiveChecklist; editorRef: RefObject<LexicalEditor | null>; refusal: string }) {
  const id = useId();
  const report = useSyncExternalStore(checklist.subscribe, checklist.getReport);
  // Collapsed or open is remembered across drafts and restarts.
  const [open, setOpen] = useState(() => localStorage.getItem(COLLAPSED_KEY) !== '1');
  useEffect(() => checklist.setPaused(!open), [checklist, open]);
  useEffect(() => {
    const editor = editorRef.current;
    return editor ? editor.registerUpdateListener(({ tags }) => !tags.has('checklist-jump') && checklist.later()) : undefined;
  }, [checklist, editorRef]);

  return (
    <section className="draft-panel checklist" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="draft-panel__title">
        Checklist
        {report && <span className="checklist__summary">{report.blocking.length ? ` · ${report.blocking.length} required to fix` : report.warnings.length ? ` · ${report.warnings.length} recommended` : ' · ready'}</span>}
        <button
          type="button"
          className="button button--small checklist__toggle"
          aria-expanded={open}
          onClick={() => {
            localStorage.setItem(COLLAPSED_KEY, open ? '1' : '0');
            setOpen(!open);
          }}
        >
          {open ? 'Hide' : 'Show'}
        </button>
      </h2>
      {refusal && (
        <p className="error-text" role="alert">
          {refusal}
        </p>
      )}
      {!open ? null : !report ? (
        <p className="muted">Checking…</p>
      ) : (
        <ul className="checklist__rules" aria-label="Pre-publish checks">
          {report.results.map((r) => (
            <li key={r.id} className={`checklist__rule ${r.ok ? 'is-ok' : r.level === 'required' ? 'is-blocking' : 'is-warning'}`} data-rule={r.id}>
              <span className="checklist__state" aria-hidden="true">
                {r.ok ? '✓' : r.level === 'required' ? '✕' : '!'}
              </span>
              <span className="checklist__text">
                <span className="checklist__label">
                  {r.label} <span className="checklist__level">({r.ok ? 'passes' : r.level === 'required' ? 'required, fails' : 'recommended, fails'})</span>
                </span>
                {/* A passing date rule's message is the date itself, stored ISO (the CLI prints it so); the window shows it in its one date style. */}
                <span className="checklist__message">{formatDate(r.message)}</span>
              </span>
              {!r.ok && r.target && (
                <button type="button" className="button button--small" onClick={() => jumpTo(r.target!, editorRef.current)} aria-label={`Fix: ${r.label}`}>
                  Fix
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
