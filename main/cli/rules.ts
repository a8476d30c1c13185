import type { RuleRunReport, RuleView } from '../../common/api/moderation';
import type { RuleSpec } from '../../common/moderation/rule-schema';
import { RULE_KINDS } from '../../common/moderation/rule-schema';
import { getPost } from '../../db/repos/posts';
import { appDispatch } from './app-dispatch';
import { dbOption, parse, printJson, unwrap, UsageError, withContext } from './args';
import type { Command } from './command';
import type { Result } from '../../common/errors';

const USAGE = `workbench rules list [--json] [--db FILE]
workbench rules test <kind> [values...] [flags] [--json]     what a new rule would change (saves nothing)
workbench rules add <kind> [values...] [flags] [--json]      shows the dry run, then saves the rule
workbench rules remove <id> [--json]
workbench rules apply [--post <slug>] [--dry-run] [--json]   applies the rules to undecided comments

Kinds (in the order they decide; every rule that fires is recorded):
  blocked --email E --name N --domain D   spam (each flag may repeat)
  banned <phrase>...                      spam when the comment holds a phrase
  score --above X                         spam when the spam score is above X (0.5-1)
  links --max N                           hold a comment with more than N links
  suspect <word>...                       hold and flag
  trusted [--email E] [--name N] [--min-approved N]   approve
  first                                   hold the first comment of someone new

A status a person set (in the app, or on the site the comments came from) is never changed.`;

function specFrom(kind: string | undefined, values: string[], v: Record<string, unknown>): RuleSpec {
  if (!kind || !(RULE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`name a kind of rule: ${RULE_KINDS.join(', ')}.`);
  const num = (name: string) => {
    const raw = v[name] as string | undefined;
    if (raw === undefined) throw new UsageError(`${kind} needs --${name} <number>.`);
    const n = Number(raw);
    if (!Number.isFinite(n)) throw new UsageError(`--${name}: "${raw}" is not a number.`);
    return n;
  };
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  switch (kind) {
    case 'links':
      return { kind, params: { max: num('max') } };
    case 'banned':
      return { kind, params: { phrases: values } };
    case 'suspect':
      return { kind, params: { words: values } };
    case 'blocked':
      return { kind, params: { emails: list('email'), names: list('name'), domains: list('domain') } };
    case 'trusted':
      return { kind, params: { emails: list('email'), names: list('name'), minApproved: v['min-approved'] === undefined ? 0 : num('min-approved') } };
    case 'score':
      return { kind, params: { above: num('above') } };
    default:
      return { kind: 'first', params: {} };
  }
}

function printReport(r: RuleRunReport): void {
  const verb = r.dryRun ? 'would change' : 'changed';
  const to = Object.entries(r.toStatus).filter(([, n]) => n > 0).map(([s, n]) => `${n} to ${s}`);
  console.log(`${r.evaluated} undecided comment${r.evaluated === 1 ? '' : 's'} checked; ${verb}: ${to.length ? to.join(', ') : 'nothing'}.`);
  const fired = Object.entries(r.fired).map(([k, n]) => `${k} ${n}`);
  if (fired.length) console.log(`Rules fired: ${fired.join(', ')}.`);
  for (const e of r.examples.slice(0, 20)) console.log(`  ${e.from} -> ${e.to}  ${e.author || 'Anonymous'}: ${e.excerpt.replace(/\s+/g, ' ').slice(0, 70)}  [${e.reasons.join('; ')}]`);
}

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      ...dbOption,
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      post: { type: 'string' },
      max: { type: 'string' },
      above: { type: 'string' },
      'min-approved': { type: 'string' },
      email: { type: 'string', multiple: true },
      name: { type: 'string', multiple: true },
      domain: { type: 'string', multiple: true },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [action, ...rest] = positionals;
    if (!action) throw new UsageError('rules needs an action: list, test, add, remove or apply.');
    return withContext(values.db, async (ctx) => {
      const dispatch = await appDispatch(ctx);
      const call = async <T>(method: string, input: unknown) => unwrap((await dispatch(method, input)) as Result<T>);
      switch (action) {
        case 'list': {
          const { rules } = await call<{ rules: RuleView[] }>('rules.list', {});
          if (values.json) printJson(rules);
          else if (!rules.length) console.log('No rules. Add one with `workbench rules add <kind> ...`.');
          else for (const r of rules) console.log(`${r.id}  ${r.kind.padEnd(8)} ${r.enabled ? '' : '(off) '}${r.description}`);
          return 0;
        }
        case 'test':
        case 'add': {
          const spec = specFrom(rest[0], rest.slice(1), values);
          const report = await call<RuleRunReport>('rules.test', { spec });
          if (action === 'test') {
            if (values.json) printJson(report);
            else printReport(report);
            return 0;
          }
          const rule = await call<RuleView>('rules.add', { spec });
          if (values.json) printJson({ rule, dryRun: report });
          else {
            printReport(report);
            console.log(`Saved rule ${rule.id}: ${rule.description}. \`workbench rules apply\` applies it to the comments stored.`);
          }
          return 0;
        }
        case 'remove': {
          if (rest.length !== 1) throw new UsageError('rules remove needs the rule id (`workbench rules list` shows them).');
          const out = await call<{ id: string }>('rules.remove', { id: rest[0] });
          if (values.json) printJson(out);
          else console.log(`Removed rule ${out.id}.`);
          return 0;
        }
        case 'apply': {
          if (rest.length) throw new UsageError('rules apply takes no arguments; name a post with --post <slug>.');
          const postId = values.post ? getPost(ctx.db, { slug: values.post }).id : undefined;
          const report = await call<RuleRunReport>('rules.apply', { scope: postId ? { postId } : {}, dryRun: !!values['dry-run'] });
          if (values.json) printJson(report);
          else printReport(report);
          return 0;
        }
        default:
          throw new UsageError(`rules: unknown action "${action}"; use list, test, add, remove or apply.`);
      }
    });
  },
};
