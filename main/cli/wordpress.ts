import { appDispatch } from './app-dispatch';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';

const USAGE = `workbench wordpress <action> [options] [--site URL|ID] [--json] [--db FILE]

  connect <site-url> --user U        check the login and remember the site; the application
                                     password comes from standard input or WORKBENCH_WP_PASSWORD,
                                     never from an argument
  disconnect                         forget the site's password (its links to posts stay)
  status                             the connected sites
  publish <slug> [--status draft|future|publish] [--overwrite] [--force]
                                     publish a post; again, it updates the same remote post
  publish-series <slug> [--status ...]
                                     every post of a series, in running order, linked to each other
  pull-comments [<slug>...] [--all] [--full]
                                     pull the comments of the linked (or named, or --all) posts:
                                     new ones, and those changed there since (--full reads all)
  push-moderation [--dry-run] [--overwrite-comments ID,ID]
                                     send local moderation decisions; --dry-run lists them only

--site names the site when several are connected. A post edited in WordPress since the last
push is not overwritten without --overwrite; a comment changed there since the pull is listed as
a conflict and left alone unless its remote id is given to --overwrite-comments. Exit status 2
on failure, and after a push or a pull that left conflicts (a comment changed there and decided
here since the pull).`;

async function readPassword(): Promise<string> {
  if (process.env.WORKBENCH_WP_PASSWORD) return process.env.WORKBENCH_WP_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Application password: ');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0]!.trim();
}

export const wordpressCommand: Command = {
  name: 'wordpress',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...dbOption, json: { type: 'boolean' }, site: { type: 'string' }, user: { type: 'string' }, status: { type: 'string' },
      overwrite: { type: 'boolean' }, 'overwrite-comments': { type: 'string' }, force: { type: 'boolean' }, all: { type: 'boolean' }, full: { type: 'boolean' }, 'dry-run': { type: 'boolean' },
      password: { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (values.password !== undefined) throw new UsageError('A password on the command line would stay in your shell history: give it on standard input or in WORKBENCH_WP_PASSWORD.');
    const [action, ...args] = positionals;
    const status = values.status;
    if (status !== undefined && !['draft', 'future', 'publish'].includes(status)) throw new UsageError('--status is draft, future or publish.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const out = (v: unknown, text: () => string) => (values.json ? printJson(v) : console.log(text()));
      const { pickSite } = await import('../publishers/connections');
      const siteId = () => pickSite(ctx.db, values.site).id;
      switch (action) {
        case 'connect': {
          if (args.length !== 1 || !values.user) throw new UsageError('connect needs the site address and --user, e.g. `workbench wordpress connect https://example.org --user ann`.');
          const password = await readPassword();
          if (!password) throw new UsageError('No application password: pipe it on standard input or set WORKBENCH_WP_PASSWORD.');
          const site = unwrap(await call('wordpress.connect', { url: args[0], user: values.user, password })) as { url: string; siteName: string; userName: string; canPublish: boolean; canModerate: boolean };
          out(site, () => `Connected ${site.url} (${site.siteName || 'no title'}) as ${site.userName}: ${[site.canPublish && 'can publish', site.canModerate && 'can moderate'].filter(Boolean).join(', ')}.`);
          return 0;
        }
        case 'disconnect': {
          const r = unwrap(await call('wordpress.disconnect', { siteId: siteId() }));
          out(r, () => 'The password is forgotten; connect again to use the site.');
          return 0;
        }
        case 'status': {
          const sites = unwrap(await call('wordpress.sites', {})) as { id: string; url: string; userName: string; hasPassword: boolean; commentsPulledAt: string | null }[];
          out(sites, () => (sites.length ? sites.map((s) => `${s.url}  user ${s.userName}  ${s.hasPassword ? 'connected' : 'no password'}  comments pulled ${s.commentsPulledAt ?? 'never'}  (${s.id})`).join('\n') : 'No WordPress site is connected.'));
          return 0;
        }
        case 'publish':
        case 'publish-series': {
          if (args.length !== 1) throw new UsageError(`${action} takes one slug.`);
          const common = { siteId: siteId(), status, overwrite: values.overwrite ?? false, force: values.force ?? false };
          const r = action === 'publish'
            ? [unwrap(await call('wordpress.publish', { ...common, post: { slug: args[0] } }))]
            : (unwrap(await call('wordpress.publishSeries', { ...common, series: { slug: args[0] } })) as unknown[]);
          const rows = r as { remoteId: number; link: string; status: string; created: boolean; picturesUploaded: number }[];
          out(action === 'publish' ? rows[0] : rows, () => rows.map((p) => `${p.created ? 'Created' : 'Updated'} post ${p.remoteId} (${p.status}): ${p.link}${p.picturesUploaded ? `, ${p.picturesUploaded} pictures uploaded` : ''}`).join('\n'));
          return 0;
        }
        case 'pull-comments': {
          const r = unwrap(await call('wordpress.pullComments', { siteId: siteId(), posts: args.length ? args.map((slug) => ({ slug })) : undefined, all: values.all ?? false, full: values.full ?? false })) as { posts: number; fetched: number; imported: number; updated: number; unchanged: number; ruledHeld: number; ruledSpam: number; changed: number; conflicts: { remoteId: number; reason: string; from: string; to: string }[] };
          const ruled = r.ruledHeld + r.ruledSpam ? ` The moderation rules held ${r.ruledHeld} and sent ${r.ruledSpam} to spam.` : '';
          out(r, () => [
            `${r.fetched} comments fetched from ${r.posts} posts: ${r.imported} new, ${r.changed} changed in WordPress (${r.updated} updated here), ${r.unchanged} unchanged.${ruled}`,
            ...r.conflicts.map((c) => `  conflict: comment ${c.remoteId} was ${c.reason}, and you set it to ${c.to} here; kept yours (push with --overwrite-comments ${c.remoteId} to send it, or set it back to ${c.from} and pull to take theirs)`),
          ].join('\n'));
          return r.conflicts.length ? 2 : 0;
        }
        case 'push-moderation': {
          const overwrite = (values['overwrite-comments'] ?? '').split(',').filter(Boolean).map(Number);
          if (overwrite.some((n) => !Number.isInteger(n))) throw new UsageError('--overwrite-comments takes remote comment ids, e.g. --overwrite-comments 12,15.');
          const r = unwrap(await call('wordpress.pushModeration', { siteId: siteId(), dryRun: values['dry-run'] ?? false, overwrite })) as { dryRun: boolean; changes: { remoteId: number; author: string; from: string; to: string }[]; pushed: number; conflicts: { remoteId: number; reason: string }[] };
          out(r, () => [
            ...r.changes.map((c) => `  comment ${c.remoteId} by ${c.author || 'anonymous'}: ${c.from} → ${c.to}`),
            r.dryRun ? `${r.changes.length} changes would be sent (dry run: nothing was sent).` : `${r.pushed} of ${r.changes.length} changes sent.`,
            ...r.conflicts.map((c) => `  conflict: comment ${c.remoteId} was ${c.reason}; left alone (push again with --overwrite-comments ${c.remoteId} to replace it)`),
          ].join('\n'));
          return r.conflicts.length ? 2 : 0;
        }
        default:
          throw new UsageError(`wordpress needs an action: connect, disconnect, status, publish, publish-series, pull-comments or push-moderation.`);
      }
    });
  },
};
