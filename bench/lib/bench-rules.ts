/**
 * The moderation rules the bench turns on. A module of its own: moderation-child.ts runs its work at
 * import, keyed on process.argv, so a scenario that imported it from there would run an import.
 */
import type { openDatabase } from '../../db/connection';
import { addRule } from '../../db/repos/moderation-rules';

/** The rules the bench applies: the defaults (links, first, trusted) and three lists. */
export function addBenchRules(db: ReturnType<typeof openDatabase>): void {
  addRule(db, { kind: 'banned', params: { phrases: ['cheap meds', 'casino bonus', 'free money'] } });
  addRule(db, { kind: 'suspect', params: { words: ['crypto', 'discount', 'offer'] } });
  addRule(db, { kind: 'blocked', params: { emails: ['bad@spam.example'], names: ['Win Big'], domains: ['spam.example'] } });
}
