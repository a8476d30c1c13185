import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { createPost, getPost, listPosts, restorePost, trashPost, updatePost } from '../../db/repos/posts';

type PostMethods = 'posts.list' | 'posts.get' | 'posts.create' | 'posts.update' | 'posts.delete' | 'posts.restore';

export const postsHandlers: Pick<Handlers<Ctx>, PostMethods> = {
  'posts.list': (input, ctx) => listPosts(ctx.db, input),
  'posts.get': (input, ctx) => getPost(ctx.db, input),
  'posts.create': (input, ctx) => createPost(ctx.db, input),
  'posts.update': (input, ctx) => updatePost(ctx.db, input),
  'posts.delete': (input, ctx) => trashPost(ctx.db, input.id),
  'posts.restore': (input, ctx) => restorePost(ctx.db, input.id),
};
