import fs from 'node:fs';
import path from 'node:path';
import { appDispatch } from './app-dispatch';
import { dbOption, parse, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';

export const seriesPlanCommand: Command = {
  name: 'series-plan',
  usage: `workbench series-plan <slug> [--ics FILE] [--csv FILE] [--db FILE]

Writes the plan of one series: --ics an iCalendar file with an all-day event per planned date
and per deadline (import it into any calendar app; exporting again updates the same events),
--csv one row per post in running order. Give at least one of them.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, ics: { type: 'string' }, csv: { type: 'string' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [slug, ...extra] = positionals;
    if (!slug || extra.length) throw new UsageError('series-plan needs exactly one series slug; `workbench series` lists them.');
    if (!values.ics && !values.csv) throw new UsageError('series-plan needs --ics FILE, --csv FILE or both.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const targets = [
        ['ics', values.ics],
        ['csv', values.csv],
      ] as const;
      // Build every file before writing any, so a missing series leaves no half-written output.
      const files: [string, string][] = [];
      for (const [format, file] of targets) {
        if (!file) continue;
        const out = unwrap(await call('series.exportPlan', { slug, format })) as { text: string };
        files.push([path.resolve(file), out.text]);
      }
      for (const [file, text] of files) {
        fs.writeFileSync(file, text);
        console.log(`Wrote ${file}`);
      }
      return 0;
    });
  },
};
