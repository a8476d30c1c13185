import { appDispatch } from './app-dispatch';
import { dbOption, parse, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';

export const setStatusCommand: Command = {
  name: 'set-status',
  usage: `workbench set-status <slug> <status> [--accept-warnings] [--db FILE]

Moves a post to a status of its workflow. A move to scheduled or published (the workflow's last
two steps) is refused when a required checklist rule fails, naming the rules (exit 2); when only
recommended rules fail it is refused unless --accept-warnings confirms it.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, 'accept-warnings': { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [slug, status, ...extra] = positionals;
    if (!slug || !status || extra.length) throw new UsageError('set-status needs a post slug and a status, e.g. `workbench set-status my-post scheduled`.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const post = unwrap(await call('posts.get', { slug })) as { id: string; revision: number; title: string };
      const saved = unwrap(await call('posts.update', { id: post.id, baseRevision: post.revision, status, acceptWarnings: values['accept-warnings'] ?? false })) as { status: string };
      console.log(`“${post.title || slug}” is now ${saved.status}.`);
      return 0;
    });
  },
};
