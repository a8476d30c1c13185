/**
 * How a control that would change the draft's structure is held back in a guest author's editor
 * (guest-limits.ts says why): it stays focusable, aria-disabled rather than disabled, so that its
 * reason (GUEST_HOLD_ID, beside the toolbar) is read with it; its click does nothing.
 */
import { GUEST_HOLD_ID } from './guest-limits';
import { useSuggestionLock } from './suggestion-mode';

export interface GuestHold {
  held: boolean;
  /** Spread on the control: aria-disabled and the reason while held, nothing otherwise. */
  props: { 'aria-disabled'?: true; 'aria-describedby'?: string };
}

/** `structural`: whether this control changes the structure (held for a guest); false leaves it alone. */
export function useGuestHold(structural = true): GuestHold {
  const held = useSuggestionLock() !== null && structural;
  return { held, props: held ? { 'aria-disabled': true, 'aria-describedby': GUEST_HOLD_ID } : {} };
}
