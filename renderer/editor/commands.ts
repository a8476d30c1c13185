/** Editor commands our toolbar, shortcuts and plugins share. */
import { createCommand, type LexicalCommand } from 'lexical';
import type { ImagePayload } from '../../common/editor/nodes';

export const INSERT_IMAGE_COMMAND: LexicalCommand<ImagePayload> = createCommand('INSERT_IMAGE_COMMAND');
export const INSERT_FOOTNOTE_COMMAND: LexicalCommand<string> = createCommand('INSERT_FOOTNOTE_COMMAND');
export const INSERT_RULE_COMMAND: LexicalCommand<void> = createCommand('INSERT_RULE_COMMAND');
/** Opens a dialog owned by a toolbar control (link, image, footnote) or the find panel. */
export type EditorDialog = 'link' | 'image' | 'footnote' | 'find' | 'replace' | 'caption';
export const OPEN_DIALOG_COMMAND: LexicalCommand<EditorDialog> = createCommand('OPEN_DIALOG_COMMAND');
/** An image file pasted or dropped into the text: the insert control asks for its alt text, then stores it. */
export const IMAGE_FILE_COMMAND: LexicalCommand<File> = createCommand('IMAGE_FILE_COMMAND');
/** Editorial notes: add one to the selection, or move to the next or previous note in the text (renderer/editor/notes/). */
export type NoteAction = 'add' | 'next' | 'prev';
export const NOTE_COMMAND: LexicalCommand<NoteAction> = createCommand('NOTE_COMMAND');
/** Suggestion mode on (true), off (false) or the other way round (undefined): renderer/editor/suggestions/. */
export const SUGGESTION_MODE_COMMAND: LexicalCommand<boolean | undefined> = createCommand('SUGGESTION_MODE_COMMAND');
