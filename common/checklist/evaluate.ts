/** Runs every rule that is not off against one post's facts: the checklist as the panel and the handlers see it. */
import type { ChecklistConfig, RuleId, RuleLevel } from './config';
import { RULES, type ChecklistFacts, type ChecklistTarget } from './rules';

export interface RuleResult {
  id: RuleId;
  label: string;
  level: Exclude<RuleLevel, 'off'>;
  ok: boolean;
  message: string;
  target: ChecklistTarget | null;
}

export interface ChecklistReport {
  results: RuleResult[];
  /** Failing required rules: a move to scheduled or published is refused. */
  blocking: RuleResult[];
  /** Failing recommended rules: the move needs the user's confirmation. */
  warnings: RuleResult[];
}

export function runChecklist(facts: ChecklistFacts, config: ChecklistConfig): ChecklistReport {
  const results: RuleResult[] = [];
  for (const rule of RULES) {
    const s = config[rule.id];
    if (s.level === 'off') continue;
    results.push({ id: rule.id, label: rule.label(s), level: s.level, ...rule.check(facts, s) });
  }
  return {
    results,
    blocking: results.filter((r) => !r.ok && r.level === 'required'),
    warnings: results.filter((r) => !r.ok && r.level === 'recommended'),
  };
}

/** One line naming failing rules, for refusals and the CLI. */
export function describeFailures(rules: readonly RuleResult[]): string {
  return rules.map((r) => `${r.label} (${r.message.replace(/\.$/, '')})`).join('; ');
}
