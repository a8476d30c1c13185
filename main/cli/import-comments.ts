import path from 'node:path';
import { IMPORT_FORMATS } from '../../common/domain-values';
import type { ImportFormat } from '../../common/domain';
import { dbOption, parse, printJson, UsageError, withContext } from './args';
import type { Command } from './command';
import { defaultedStatusText } from '../../common/import-notes';
import { checkImportFile } from '../importers/import-file';

export const importCommentsCommand: Command = {
  name: 'import-comments',
  usage: `workbench import-comments <file> [--format auto|wxr|disqus|csv|json|text] [--post <slug>] [--db FILE] [--json]

Imports the comments in <file> in one transaction: a file with a fatal error imports nothing and
the error says where (file:line:column). Importing the same file again changes nothing; a changed
status or text updates the comment. --format overrides detection. --post attaches the comments of
formats without post information (CSV, JSON without "post", copied page text) to that post.
A comment whose file gives no status (a CSV without a status column, JSON without "status")
arrives pending, never approved; the output says how many and why.
--json prints { format, posts, comments: { imported, updated, unchanged, byStatus }, defaultedStatus, warnings }.
Exit status 2 when the file is refused.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' }, format: { type: 'string' }, post: { type: 'string' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('import-comments takes one file.');
    const format = values.format ?? 'auto';
    if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be auto or one of ${IMPORT_FORMATS.join(', ')}.`);
    }
    const filePath = path.resolve(positionals[0]);
    // A missing, empty or unrecognised file is refused before the store opens or an importer loads.
    checkImportFile({ filePath, fileName: positionals[0], format: format as ImportFormat | 'auto' });
    const tty = process.stderr.isTTY;
    return withContext(values.db, async (ctx) => {
      let lastPct = -1;
      // The importers (jsdom, DOMPurify) load when an import runs, not with every command.
      const { runImport } = await import('../importers/pipeline');
      const summary = await runImport(
        { filePath, fileName: positionals[0], format: format as ImportFormat | 'auto', postSlug: values.post },
        {
          openDb: ctx.reopen,
          onProgress: tty
            ? (p) => {
                const pct = p.totalBytes ? Math.floor((p.bytesRead / p.totalBytes) * 100) : 100;
                if (pct === lastPct) return;
                lastPct = pct;
                process.stderr.write(`\r${String(pct).padStart(3)}%  ${p.comments} comments (${p.imported} new, ${p.updated} updated, ${p.unchanged} unchanged)`);
              }
            : undefined,
        },
      );
      if (tty) process.stderr.write('\n');
      if (values.json) printJson(summary);
      else {
        const c = summary.comments;
        console.log(`${summary.format}: ${c.imported} imported, ${c.updated} updated, ${c.unchanged} unchanged on ${summary.posts} post${summary.posts === 1 ? '' : 's'}`);
        console.log(`  approved ${c.byStatus.approved}, pending ${c.byStatus.pending}, spam ${c.byStatus.spam}, trash ${c.byStatus.trash}`);
        for (const d of summary.defaultedStatus) console.log(`  ${defaultedStatusText(d, 'after')}`);
        for (const w of summary.warnings) console.log(`  warning: ${w}`);
      }
      return 0;
    });
  },
};
