import { parse, UsageError, dbOption } from './args';
import type { Command } from './command';
import { absolute, callPublish, kb, printWarnings } from './export-shared';

export const exportSeriesCommand: Command = {
  name: 'export-series',
  usage: `workbench export-series <series-slug> --out DIR [--with-comments] [--assets inline|folder]
                        [--no-stylesheet] [--force] [--db FILE]

Writes DIR/index.html (the series, its posts in order with dates and authors) and DIR/<slug>.html
for every published or scheduled post, linked to each other with relative links, so the folder
works from disk or any web server. Pictures go to DIR/assets/ unless --assets inline.
Exit status 2 when the series does not exist, an image lacks alt text, or DIR cannot be written.`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...dbOption,
      out: { type: 'string', short: 'o' },
      'with-comments': { type: 'boolean' },
      assets: { type: 'string' },
      'no-stylesheet': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [slug, ...extra] = positionals;
    if (!slug) throw new UsageError('export-series needs the slug of a series; `workbench series list` lists them.');
    if (extra.length) throw new UsageError(`export-series takes one series slug, not ${positionals.length}.`);
    if (!values.out) throw new UsageError('export-series needs --out DIR, the folder to write.');
    const assets = values.assets ?? 'folder';
    if (assets !== 'inline' && assets !== 'folder') throw new UsageError(`--assets is inline or folder, not "${assets}".`);
    const written = await callPublish<{ files: string[]; bytes: number; posts: number; warnings: { message: string }[] }>(values.db, 'publish.series', {
      series: { slug },
      outDir: absolute(values.out),
      withComments: values['with-comments'] ?? false,
      assets,
      stylesheet: !values['no-stylesheet'],
      force: values.force ?? false,
    });
    printWarnings(written.warnings);
    console.log(`Wrote ${absolute(values.out)}: index.html and ${written.posts} post${written.posts === 1 ? '' : 's'} (${written.files.length} files, ${kb(written.bytes)}).`);
    return 0;
  },
};
