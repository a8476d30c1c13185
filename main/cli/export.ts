import { parse, UsageError, dbOption } from './args';
import type { Command } from './command';
import { absolute, callPublish, kb, printWarnings } from './export-shared';

interface Written {
  files: string[];
  bytes: number;
  warnings: { code: string; message: string }[];
}

export const exportCommand: Command = {
  name: 'export',
  usage: `workbench export <draft-slug> --out FILE [--fragment] [--with-comments] [--assets inline|folder]
                 [--no-stylesheet] [--lang TAG] [--force] [--db FILE]

Writes the draft as one valid, self-contained HTML page (or, with --fragment, the body only,
for pasting into WordPress, Ghost or any CMS). The same draft always gives the same bytes.
  --out FILE         the file to write (its folder is created)
  --fragment         the body and footnotes only, no page around it
  --with-comments    add the post's approved comments as a threaded section
  --assets MODE      folder (default): pictures go to assets/ beside the file, linked relatively;
                     inline: pictures are embedded as data: URLs
  --no-stylesheet    leave out the small built-in stylesheet
  --lang TAG         the page language (default en-GB)
  --force            export even when images have no alt text (they are marked decorative)
Exit status 2 when the draft does not exist, an image lacks alt text, or the file cannot be written.`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...dbOption,
      out: { type: 'string', short: 'o' },
      fragment: { type: 'boolean' },
      'with-comments': { type: 'boolean' },
      assets: { type: 'string' },
      'no-stylesheet': { type: 'boolean' },
      lang: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [slug, ...extra] = positionals;
    if (!slug) throw new UsageError('export needs the slug of a draft; `workbench call posts.list` lists them.');
    if (extra.length) throw new UsageError(`export takes one draft slug, not ${positionals.length}.`);
    if (!values.out) throw new UsageError('export needs --out FILE, the file to write.');
    const assets = values.assets ?? 'folder';
    if (assets !== 'inline' && assets !== 'folder') throw new UsageError(`--assets is inline or folder, not "${assets}".`);
    const written = await callPublish<Written>(values.db, 'publish.writePage', {
      post: { slug },
      outPath: absolute(values.out),
      fragment: values.fragment ?? false,
      withComments: values['with-comments'] ?? false,
      assets,
      stylesheet: !values['no-stylesheet'],
      force: values.force ?? false,
      ...(values.lang ? { lang: values.lang } : {}),
    });
    printWarnings(written.warnings);
    const [page, ...pictures] = written.files;
    console.log(`Wrote ${page} (${kb(written.bytes)} in all)${pictures.length ? ` and ${pictures.length} picture${pictures.length === 1 ? '' : 's'} in assets/` : ''}.`);
    return 0;
  },
};
