/**
 * Note threads in the team workspace (issue 17): a draft's notes and their messages travel in
 * `notes/<postId>`, which every role may write (anyone may comment on a draft), beside the body
 * whose marks anchor them. The decisions two people can take differently apart are whether a note
 * is resolved (registers.ts compares its time by being set or not) and a message's text and deletion; those are logged, so a resolve
 * against a reopen, or two edits of one message, is listed under Needs decision. Only a message's
 * author may edit or delete it: the app refuses anyone else (db/repos/notes.ts).
 */
import type { TableSpec } from './shared-rows';
import { rowById as byId, statement } from './statements';

export const NOTE_SPECS: readonly TableSpec[] = [
  {
    table: 'notes',
    key: (r) => `note:${r.id}`,
    localId: byId('notes'),
    parts: [
      {
        kind: 'notes',
        doc: (r) => `notes/${r.post_id}`,
        creates: true,
        columns: ['id', 'created_at', 'post_id', 'quote', 'author_id', 'author_name', 'resolved_at', 'resolved_by'],
        decisions: ['resolved_at'],
      },
    ],
  },
  {
    table: 'note_messages',
    key: (r) => `notemsg:${r.id}`,
    localId: byId('note_messages'),
    // A message is named in its post's document: the post comes from its note, here and there.
    toShared: (db, row) => {
      const postId = statement(db, 'SELECT post_id FROM notes WHERE id = ?', true).get(row.note_id) as string | undefined;
      return postId === undefined ? undefined : { ...row, post_id: postId };
    },
    parts: [
      {
        kind: 'notes',
        doc: (r) => `notes/${r.post_id}`,
        creates: true,
        columns: ['id', 'created_at', 'note_id', 'author_id', 'author_name', 'body', 'mentions', 'edited_at', 'deleted_at'],
        decisions: ['body', 'deleted_at'],
      },
    ],
  },
];
