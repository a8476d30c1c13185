import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { createAuthor, listAuthors, updateAuthor } from '../../db/repos/authors';

export const authorsHandlers: Pick<Handlers<Ctx>, 'authors.list' | 'authors.create' | 'authors.update'> = {
  'authors.list': (input, ctx) => listAuthors(ctx.db, input),
  'authors.create': (input, ctx) => createAuthor(ctx.db, input),
  'authors.update': ({ id, ...fields }, ctx) => updateAuthor(ctx.db, id, fields),
};
