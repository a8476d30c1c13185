import { parse, UsageError, dbOption } from './args';
import type { Command } from './command';
import { absolute, callPublish } from './export-shared';

export const exportWxrCommand: Command = {
  name: 'export-wxr',
  usage: `workbench export-wxr <slug>... --out FILE [--site-url URL] [--site-title TEXT] [--db FILE]

Writes the posts (in the order given) with their approved, threaded comments as WXR 1.2, which
WordPress's importer (Tools > Import > WordPress) and \`workbench\`'s own importer read.
  --site-url URL     the site the links in the file point to (default https://example.org)
  --site-title TEXT  the channel title
Exit status 2 when a slug does not exist or the file cannot be written.`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...dbOption,
      out: { type: 'string', short: 'o' },
      'site-url': { type: 'string' },
      'site-title': { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (!positionals.length) throw new UsageError('export-wxr needs at least one draft slug.');
    if (!values.out) throw new UsageError('export-wxr needs --out FILE, the file to write.');
    const result = await callPublish<{ files: string[]; posts: number; comments: number }>(values.db, 'publish.wxr', {
      posts: positionals.map((slug) => ({ slug })),
      outPath: absolute(values.out),
      ...(values['site-url'] ? { siteUrl: values['site-url'] } : {}),
      ...(values['site-title'] ? { siteTitle: values['site-title'] } : {}),
    });
    console.log(`Wrote ${result.files[0]}: ${result.posts} post${result.posts === 1 ? '' : 's'} and ${result.comments} approved comment${result.comments === 1 ? '' : 's'}.`);
    return 0;
  },
};
