import fs from 'node:fs';
import path from 'node:path';
import { addDays, isCalendarDate, todayFrom } from '../../common/series/dates';
import { statusLabel } from '../../common/series/workflow';
import { appDispatch } from './app-dispatch';
import { columnLines } from './columns';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';
import type { PlanView } from '../../common/api/planning';

export const planCommand: Command = {
  name: 'plan',
  usage: `workbench plan [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--ics FILE] [--csv FILE] [--json] [--db FILE]

Every post planned from --from (default: today) to --to (default: four weeks later), in a series
or not, as the Planning area shows it without filters. With --ics and/or --csv it writes the same
posts as one iCalendar file and/or one CSV file; otherwise it prints them by date with clashes
(two posts on one day) and empty weeks. --json prints the planning view.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, from: { type: 'string' }, to: { type: 'string' }, ics: { type: 'string' }, csv: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('plan takes no arguments; give dates with --from and --to.');
    const today = process.env.WORKBENCH_TODAY ?? todayFrom(Date.now());
    const from = values.from ?? today;
    const to = values.to ?? addDays(from, 27);
    for (const [flag, d] of [['--from', from], ['--to', to]] as const) {
      if (!isCalendarDate(d)) throw new UsageError(`${flag} ${d}: expected a date as YYYY-MM-DD.`);
    }
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}.`);
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const files: [string, string][] = [];
      for (const [format, file] of [['ics', values.ics], ['csv', values.csv]] as const) {
        if (!file) continue;
        const out = unwrap(await call('planning.export', { from, to, format })) as { text: string };
        files.push([path.resolve(file), out.text]);
      }
      for (const [file, text] of files) {
        fs.writeFileSync(file, text);
        console.log(`Wrote ${file}`);
      }
      if (files.length) return 0;
      const view = unwrap(await call('planning.view', { from, to })) as PlanView;
      if (values.json) {
        printJson(view);
        return 0;
      }
      console.log(`Plan from ${from} to ${to}: ${view.posts.length} post(s), ${view.tray.length} draft(s) with no date.`);
      // The window's status labels ("In review", not "in-review"), in columns as wide as their widest cell.
      const rows = view.posts.map((p) => [p.plannedDate ?? '', statusLabel(p.status), `${p.title || p.slug}${p.seriesTitle ? `  [${p.seriesTitle} #${p.position}]` : ''}`]);
      for (const line of columnLines(rows)) console.log(line);
      for (const c of view.clashes) console.log(`Clash on ${c.date}: ${c.postIds.length} posts.`);
      for (const w of view.emptyWeeks) console.log(`Nothing planned in the week ${w.from} to ${w.to}.`);
      return 0;
    });
  },
};
