import { COMMENT_STATUSES, type CommentStatus } from '../../common/domain';
import { listCommentsOfPost } from '../../db/repos/comments';
import { getPost } from '../../db/repos/posts';
import { dbOption, parse, printJson, UsageError, withContext } from './args';
import type { Command } from './command';

export const commentsCommand: Command = {
  name: 'comments',
  usage: `workbench comments --post <slug> [--status approved|pending|spam|trash] [--json] [--db FILE]

Lists the comments of one post, oldest first. --json prints an array of { id, source, sourceId,
parentId, parentSourceId, post, author: { name, role, organisation, email, url }, postedAt,
status, type, text, html, flags }; \`workbench import-comments file.json\` reads that back.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' }, post: { type: 'string' }, status: { type: 'string' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('comments takes no positional arguments; name the post with --post <slug>.');
    if (!values.post) throw new UsageError('comments needs --post <slug>; `workbench posts` lists the slugs.');
    if (values.status && !(COMMENT_STATUSES as readonly string[]).includes(values.status)) {
      throw new UsageError(`--status must be one of ${COMMENT_STATUSES.join(', ')}.`);
    }
    return withContext(values.db, (ctx) => {
      const post = getPost(ctx.db, { slug: values.post! });
      const list = listCommentsOfPost(ctx.db, post.id, values.status as CommentStatus | undefined);
      if (values.json) {
        printJson(
          list.map((c) => ({
            id: c.id,
            source: c.source,
            sourceId: c.sourceId,
            parentId: c.parentId,
            parentSourceId: c.parentSourceId,
            post: post.slug,
            author: c.author,
            postedAt: c.postedAt,
            status: c.status,
            type: c.type,
            text: c.text,
            html: c.html,
            flags: c.flags,
          })),
        );
        return 0;
      }
      if (!list.length) console.log(`No comments on "${post.title || post.slug}". Import some with: workbench import-comments <file> --post ${post.slug}`);
      for (const c of list) {
        const who = [c.author.name || 'Anonymous', c.author.role, c.author.organisation].filter(Boolean).join(', ');
        const flags = c.flags.length ? ` [${c.flags.join(', ')}]` : '';
        console.log(`#${c.sourceId} ${who} (${c.status}${c.postedAt ? `, ${c.postedAt.slice(0, 10)}` : ''})${flags}`);
        console.log(`  ${c.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      return 0;
    });
  },
};
