/**
 * The one API. Every method the renderer, the CLI or a test can call is listed here with zod
 * schemas for its input and output; dispatch refuses anything else. Areas keep their methods in
 * common/api/<area>.ts so a feature's contract sits in one file.
 */
import type { z } from 'zod';
import type { MethodSpec } from './api/method';
import { systemApi } from './api/system';
import { postsApi } from './api/posts';
import { authorsApi } from './api/authors';
import { revisionsApi } from './api/revisions';
import { draftsApi } from './api/drafts';
import { seriesApi } from './api/series';
import { importsApi } from './api/imports';
import { commentsApi } from './api/comments';
import { publishApi } from './api/publish';
import { backupApi } from './api/backup';
import { desktopApi } from './api/desktop';
import { demoApi } from './api/demo';
import { peopleApi } from './api/people';
import { planningApi } from './api/planning';
import { checklistApi } from './api/checklist';
import { moderationApi } from './api/moderation';
import { wordpressApi } from './api/wordpress';
import { workspaceApi } from './api/workspace';
import { coEditingApi } from './api/co-editing';
import { notesApi } from './api/notes';

export const api = {
  ...systemApi,
  ...postsApi,
  ...authorsApi,
  ...revisionsApi,
  ...draftsApi,
  ...seriesApi,
  ...importsApi,
  ...commentsApi,
  ...publishApi,
  ...backupApi,
  ...desktopApi,
  ...demoApi,
  ...peopleApi,
  ...planningApi,
  ...checklistApi,
  ...moderationApi,
  ...wordpressApi,
  ...workspaceApi,
  ...coEditingApi,
  ...notesApi,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller may send (defaults not yet applied). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export type Handler<M extends Method, Ctx> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
export type Handlers<Ctx> = { [M in Method]: Handler<M, Ctx> };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export const METHODS = Object.keys(api) as Method[];
