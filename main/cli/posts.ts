import { listPostHeadlines } from '../../db/repos/posts';
import { dbOption, parse, printJson, UsageError, withContext } from './args';
import type { Command } from './command';
import { statusLabel } from '../../common/series/workflow';
import { columnLines } from './columns';

export const postsCommand: Command = {
  name: 'posts',
  usage: `workbench posts [--json] [--db FILE]

Lists every post and draft outside the trash, newest first: slug, status, title and comment count.
--json prints an array of { id, slug, title, status, commentCount, updatedAt }.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('posts takes no arguments.');
    return withContext(values.db, (ctx) => {
      const posts = listPostHeadlines(ctx.db);
      if (values.json) {
        printJson(posts);
        return 0;
      }
      if (!posts.length) console.log('No posts yet. Create a draft in the app, or import comments with `workbench import-comments`.');
      // The same status labels as the window ("In review", not "in-review"), columns as wide as their widest cell.
      const rows = posts.map((p) => [p.slug, statusLabel(p.status), `${p.title}${p.commentCount ? `  (${p.commentCount} comments)` : ''}`]);
      for (const line of columnLines(rows)) console.log(line);
      return 0;
    });
  },
};
