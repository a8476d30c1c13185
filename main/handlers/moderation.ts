import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { describeRule } from '../../common/moderation/rule-schema';
import type { Rule } from '../../common/moderation/rule-schema';
import type { StoredRule } from '../../common/moderation/rules';
import { addRule, getRule, listRules, removeRule, setRuleEnabled, storedRules } from '../../db/repos/moderation-rules';
import { applyRules } from '../../db/repos/rule-apply';
import { commenterHistory } from '../../db/repos/commenters';
import { ruleReport } from '../moderation/rule-report';
import { spamStatus, startTraining } from '../moderation/spam-trainer';

type ModerationMethods = 'rules.list' | 'rules.add' | 'rules.setEnabled' | 'rules.remove' | 'rules.test' | 'rules.apply' | 'commenters.history' | 'spam.status' | 'spam.train';

const view = (r: Rule) => ({ ...r, description: describeRule(r) });

export const moderationHandlers: Pick<Handlers<Ctx>, ModerationMethods> = {
  'rules.list': (_input, ctx) => ({ rules: listRules(ctx.db).map(view) }),
  'rules.add': (input, ctx) => view(addRule(ctx.db, input.spec, input.enabled)),
  'rules.setEnabled': (input, ctx) => view(setRuleEnabled(ctx.db, input.id, input.enabled)),
  'rules.remove': (input, ctx) => removeRule(ctx.db, input.id),
  'rules.test': (input, ctx) => {
    if (input.without) getRule(ctx.db, input.without);
    let rules: StoredRule[] = storedRules(ctx.db).filter((r) => r.id !== input.without);
    if (input.spec) rules = [...rules, { id: 'candidate', enabled: true, spec: input.spec }];
    const { verdicts } = applyRules(ctx.db, input.scope, { dryRun: true, rules });
    return ruleReport(ctx.db, verdicts, [], true);
  },
  'rules.apply': (input, ctx) => {
    const { verdicts, changed } = applyRules(ctx.db, input.scope, { dryRun: input.dryRun });
    return ruleReport(ctx.db, verdicts, changed, input.dryRun);
  },
  'commenters.history': (input, ctx) => commenterHistory(ctx.db, input.commentId),
  'spam.status': (_input, ctx) => spamStatus(ctx),
  'spam.train': (_input, ctx) => {
    void startTraining(ctx);
    return spamStatus(ctx, false);
  },
};
