/**
 * What a guest author's editor holds back (issue 17 item 4). Suggestion mode turns typing,
 * deleting, Enter, paste, drop and the text formats into suggestions; everything else that changes
 * the draft (block types, lists, links, pictures, footnotes, rules, tables, alignment, indent,
 * find-and-replace) would change the text directly, which the window's stream and the team server
 * refuse for a guest. So those never run for a guest: their controls show as unavailable with the
 * reason, and their shortcuts and commands do nothing.
 */
import type { ShortcutAction } from '../shortcuts';
import { suggestionMode } from './suggestion-mode';

/** The id of the (visually hidden) reason the held-back controls point at. */
export const GUEST_HOLD_ID = 'guest-tools-reason';
export const GUEST_HOLD_REASON = 'Not for guest authors: headings, lists, links, pictures, footnotes, tables and layout are the editors’ to change. Type, delete or format words to suggest a change.';

const HELD: ReadonlySet<ShortcutAction> = new Set<ShortcutAction>(['paragraph', 'h2', 'h3', 'h4', 'quote', 'pullquote', 'bullet', 'number', 'link', 'rule', 'image', 'footnote', 'table', 'replace']);

/** Whether this editor is a guest author's (suggestion mode is held on for them). */
export const isGuestEditor = (): boolean => suggestionMode.lockReason() !== null;

/** Whether a guest may not run this action (held back whenever the editor is a guest's). */
export const changesStructure = (action: ShortcutAction): boolean => HELD.has(action);

/** Whether this action is held back in this editor now. */
export const heldBack = (action: ShortcutAction): boolean => isGuestEditor() && changesStructure(action);
