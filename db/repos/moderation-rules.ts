/** The team's moderation rules (moderation_rules): list, add, change, remove (soft delete). */
import type { DB } from '../connection';
import { AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import { RuleSpec, type Rule } from '../../common/moderation/rule-schema';
import type { StoredRule } from '../../common/moderation/rules';
import { nowIso } from '../clock';

interface RuleRow {
  id: string;
  created_at: string;
  updated_at: string;
  kind: string;
  params: string;
  enabled: number;
  revision: number;
}

function toRule(r: RuleRow): Rule {
  // Parsed on the way out too: a row written by a newer app or by hand is refused here, by id.
  const spec = RuleSpec.safeParse({ kind: r.kind, params: JSON.parse(r.params) });
  if (!spec.success) throw new AppError('BAD_INPUT', `Rule ${r.id} (${r.kind}) is not valid: ${spec.error.issues[0]?.message ?? 'unreadable'}.`);
  return { ...spec.data, id: r.id, enabled: r.enabled === 1, revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listRules(db: DB): Rule[] {
  return (db.prepare('SELECT * FROM moderation_rules WHERE deleted_at IS NULL ORDER BY created_at, id').all() as RuleRow[]).map(toRule);
}

export function storedRules(db: DB): StoredRule[] {
  return listRules(db).map((r) => ({ id: r.id, enabled: r.enabled, spec: { kind: r.kind, params: r.params } as RuleSpec }));
}

export function addRule(db: DB, spec: RuleSpec, enabled = true): Rule {
  const now = nowIso();
  const id = uuidv7();
  db.prepare('INSERT INTO moderation_rules (id, created_at, updated_at, kind, params, enabled) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, now, now, spec.kind, JSON.stringify(spec.params), enabled ? 1 : 0,
  );
  return getRule(db, id);
}

export function getRule(db: DB, id: string): Rule {
  const row = db.prepare('SELECT * FROM moderation_rules WHERE id = ? AND deleted_at IS NULL').get(id) as RuleRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No rule with id ${id}; \`workbench rules list\` shows them.`);
  return toRule(row);
}

export function setRuleEnabled(db: DB, id: string, enabled: boolean): Rule {
  getRule(db, id);
  db.prepare('UPDATE moderation_rules SET enabled = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(enabled ? 1 : 0, nowIso(), id);
  return getRule(db, id);
}

export function removeRule(db: DB, id: string): { id: string } {
  getRule(db, id);
  db.prepare('UPDATE moderation_rules SET deleted_at = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(nowIso(), nowIso(), id);
  return { id };
}
