/**
 * Series workflow roles: which status records a commission (guest author + deadline) and from
 * which status a post counts as delivered. Both are names in the series' workflow, so renaming a
 * status in the workflow editor renames them too. Existing series get the default workflow's names.
 */
import type Database from 'better-sqlite3';

export const version = 50;
export const name = 'series-workflow-roles';

export function up(db: Database.Database): void {
  db.exec(`
ALTER TABLE series ADD COLUMN commission_status TEXT NOT NULL DEFAULT 'commissioned';
ALTER TABLE series ADD COLUMN delivery_status TEXT NOT NULL DEFAULT 'in-review';
-- A series whose own workflow lacks the default names takes its second and fourth steps.
UPDATE series SET commission_status = json_extract(workflow, '$[1]')
  WHERE NOT EXISTS (SELECT 1 FROM json_each(series.workflow) WHERE value = 'commissioned') AND json_array_length(workflow) > 1;
UPDATE series SET delivery_status = json_extract(workflow, '$[' || min(3, json_array_length(workflow) - 1) || ']')
  WHERE NOT EXISTS (SELECT 1 FROM json_each(series.workflow) WHERE value = 'in-review') AND json_array_length(workflow) > 1;
CREATE INDEX posts_deadline ON posts(deadline) WHERE deadline IS NOT NULL AND deleted_at IS NULL;
`);
}
