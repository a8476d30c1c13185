import { appDispatch } from './app-dispatch';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';
import type { RuleResult } from '../../common/checklist/evaluate';

export const checkCommand: Command = {
  name: 'check',
  usage: `workbench check <slug> [--json] [--db FILE]

Runs the pre-publish checklist on a post (the settings for every post, with its series'
overrides) and prints each rule: ok, or what fails and whether it is required or recommended.
Exits 1 when a required rule fails (a move to scheduled or published would be refused), else 0.
--json prints { post, report: { results, blocking, warnings } }.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption, json: { type: 'boolean' } });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [slug, ...extra] = positionals;
    if (!slug || extra.length) throw new UsageError('check needs exactly one post slug; `workbench posts` lists them.');
    return withContext(values.db, async (ctx) => {
      const call = await appDispatch(ctx);
      const out = unwrap(await call('checklist.check', { slug })) as { post: { title: string; slug: string }; report: { results: RuleResult[]; blocking: RuleResult[] } };
      if (values.json) printJson(out);
      else {
        console.log(`Checklist for “${out.post.title || out.post.slug}”:`);
        for (const r of out.report.results) console.log(`${r.ok ? 'ok  ' : r.level === 'required' ? 'FAIL' : 'warn'}  ${r.label}: ${r.message}`);
        console.log(out.report.blocking.length ? `${out.report.blocking.length} required rule(s) fail: it cannot be scheduled or published.` : 'No required rule fails.');
      }
      return out.report.blocking.length ? 1 : 0;
    });
  },
};
