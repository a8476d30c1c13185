/**
 * Work the first screen does not need (the daily backup, spellcheck dictionaries) waits until
 * that screen has its rows: it would otherwise share the one main-process thread with the first
 * requests, and the window would open slower for it. The gate opens once a request has been
 * answered and no request has started or ended for `quietMs`, or `maxMs` after it was made,
 * whichever is first (so a window that asks nothing still gets its backup). A request still
 * running does not hold it shut: a restore waits for the daily backup, which waits for this.
 */
import type { Dispatch } from './dispatch';

export interface FirstScreenGate {
  /** Resolves once the first screen is served (or at maxMs). */
  readonly opened: Promise<void>;
  /** The dispatch, counted: its requests keep the gate shut until they go quiet. */
  track: (dispatch: Dispatch) => Dispatch;
  /** Opens at once (a shutdown, or a caller that knows better). */
  open: () => void;
}

export interface GateOptions {
  quietMs?: number;
  maxMs?: number;
}

export function firstScreenGate(o: GateOptions = {}): FirstScreenGate {
  const quietMs = o.quietMs ?? 750;
  let open!: () => void;
  let isOpen = false;
  const opened = new Promise<void>((resolve) => {
    open = () => {
      if (isOpen) return;
      isOpen = true;
      clearTimeout(quiet);
      clearTimeout(latest);
      resolve();
    };
  });
  let quiet: NodeJS.Timeout | undefined;
  const latest = setTimeout(open, o.maxMs ?? 10_000);
  latest.unref?.();
  let answered = false;
  const rearm = () => {
    clearTimeout(quiet);
    if (isOpen || !answered) return;
    quiet = setTimeout(open, quietMs);
    quiet.unref?.();
  };
  return {
    opened,
    open,
    track: (dispatch) => async (method, input) => {
      if (isOpen) return dispatch(method, input);
      rearm();
      try {
        return await dispatch(method, input);
      } finally {
        answered = true;
        rearm();
      }
    },
  };
}
