import { appDispatch } from './app-dispatch';
import type { ImportDraftResult } from '../../common/api/posts';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';

export const importDraftCommand: Command = {
  name: 'import-draft',
  usage: `workbench import-draft <file> [--json] [--db FILE]

Creates a new draft from a Word document, Markdown, HTML or plain text file. Text copied from a
published page keeps its title, label and standfirst; its newsletter box is left out and its reader
comments ("#<id> <name>" ...) are imported onto the new post as approved comments.
Prints the new draft's slug, title, word count and number of comments; --json prints
{ "slug", "title", "words", "comments" }. A file that cannot be read imports nothing (exit 2).`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('import-draft takes exactly one file.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const r = unwrap(await call('posts.import', { path: positionals[0] })) as ImportDraftResult;
      const summary = { slug: r.post.slug, title: r.post.title, words: r.words, comments: r.comments };
      if (values.json) printJson(summary);
      else {
        console.log(`Imported "${r.post.title}" as ${r.post.slug} (${r.format}): ${r.words} words, ${r.comments} comment${r.comments === 1 ? '' : 's'}.`);
        for (const w of r.warnings) console.error(`warning: ${w}`);
      }
      return 0;
    });
  },
};
