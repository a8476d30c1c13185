import { appDispatch } from './app-dispatch';
import type { SeriesDetail } from '../../common/api/series';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';
import { statusLabel } from '../../common/series/workflow';

function summary(d: SeriesDetail) {
  return {
    slug: d.series.slug,
    title: d.series.title,
    topic: d.series.topic,
    cadence: d.series.cadence,
    workflow: d.series.workflow,
    posts: d.posts.map((p) => ({
      slug: p.slug,
      title: p.title,
      position: p.position,
      status: p.status,
      plannedDate: p.plannedDate,
      deadline: p.deadline,
      notice: p.notice,
      guestAuthors: p.authors.map((a) => a.name),
      overdue: p.overdue,
    })),
    plan: { clashes: d.plan.clashes, gaps: d.plan.gaps, overdue: d.plan.overdue },
  };
}

function printText(list: SeriesDetail[]): void {
  if (!list.length) console.log('No series yet. Create one with: workbench call series.create \'{"title":"..."}\'');
  for (const d of list) {
    console.log(`${d.series.title} (${d.series.slug}), ${d.series.cadence}, ${d.posts.length} post${d.posts.length === 1 ? '' : 's'}`);
    for (const p of d.posts) {
      const flags = [p.overdue && 'OVERDUE', p.clash && 'CLASH'].filter(Boolean).join(' ');
      console.log(`  ${String(p.position).padStart(3)}. ${p.title || p.slug} [${statusLabel(p.status)}] planned ${p.plannedDate ?? '-'} deadline ${p.deadline ?? '-'} ${flags}`.trimEnd());
      console.log(`       ${p.notice}`);
    }
  }
}

export const seriesCommand: Command = {
  name: 'series',
  usage: `workbench series [<slug>] [--json] [--db FILE]

Prints every series (or the one named by its slug) with its posts in running order: slug,
title, position, status, planned date, deadline and the generated series notice. --json prints
an array of { slug, title, ..., posts: [...] }. Set WORKBENCH_TODAY=YYYY-MM-DD to judge overdue
deadlines against another day. Create and reorder with \`workbench call series.create\`,
\`series.addPost\` and \`series.movePost\`.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError('series takes at most one series slug.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const slugs = positionals.length
        ? positionals
        : (unwrap(await call('series.list', {})) as { slug: string }[]).map((s) => s.slug);
      const details: SeriesDetail[] = [];
      for (const slug of slugs) details.push(unwrap(await call('series.get', { slug })) as SeriesDetail);
      if (values.json) printJson(details.map(summary));
      else printText(details);
      return 0;
    });
  },
};
