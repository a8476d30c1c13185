/** Every handler, one area a file; the type makes a missing or extra method a compile error. */
import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { systemHandlers } from './system';
import { postsHandlers } from './posts';
import { authorsHandlers } from './authors';
import { revisionsHandlers } from './revisions';
import { draftsHandlers } from './drafts';
import { seriesHandlers } from './series';
import { importsHandlers } from './imports';
import { commentsHandlers } from './comments';
import { publishHandlers } from './publish';
import { backupHandlers } from './backup';
import { desktopHandlers } from './desktop';
import { demoHandlers } from './demo';
import { peopleHandlers } from './people';
import { planningHandlers } from './planning';
import { checklistHandlers } from './checklist';
import { moderationHandlers } from './moderation';
import { wordpressHandlers } from './wordpress';
import { workspaceHandlers } from './workspace';
import { coEditingHandlers } from './co-editing';
import { notesHandlers } from './notes';

export const handlers: Handlers<Ctx> = {
  ...systemHandlers,
  ...postsHandlers,
  ...authorsHandlers,
  ...revisionsHandlers,
  ...draftsHandlers,
  ...seriesHandlers,
  ...importsHandlers,
  ...commentsHandlers,
  ...publishHandlers,
  ...backupHandlers,
  ...desktopHandlers,
  ...demoHandlers,
  ...peopleHandlers,
  ...planningHandlers,
  ...checklistHandlers,
  ...moderationHandlers,
  ...wordpressHandlers,
  ...workspaceHandlers,
  ...coEditingHandlers,
  ...notesHandlers,
};
