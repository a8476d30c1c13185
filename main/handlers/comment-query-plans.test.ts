/**
 * Every statement the app runs on the comments table while a reviewer imports, lists, filters,
 * counts, moderates and annotates (through the real API, on a real SQLite file) is recorded, and
 * its EXPLAIN QUERY PLAN must not read the whole comments table where an index serves. The few
 * statements that read every comment by design are listed with why. Dropping an index a query
 * needs (migration 0260 dropped the redundant ones) turns its SEARCH into a SCAN and fails here.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useApiHarness } from '../testing/api-harness';
import { SAMPLES } from '../importers/testing';

const h = useApiHarness('wb-query-plans-');

/**
 * Statements that walk every live comment on purpose, by their SQL: an ordered walk of the date
 * index that stops at the window's end, and the rules over every undecided comment.
 */
const WHOLE_TABLE_BY_DESIGN: RegExp[] = [
  /FROM comments c WHERE c\.deleted_at IS NULL (AND NOT EXISTS \(SELECT 1 FROM comment_scores sc WHERE sc\.comment_rowid = c\.rowid\) )?ORDER BY c\.posted_at (ASC|DESC), c\.id (ASC|DESC)( LIMIT \? OFFSET \?)?$/,
  /FROM comments c LEFT JOIN commenter_keys k .* WHERE c\.deleted_at IS NULL AND \(\(c\.status = 'pending'/,
];

interface Recorded {
  sql: string;
  args: unknown[];
}

type Method = 'all' | 'get' | 'run' | 'iterate';
const METHODS: Method[] = ['all', 'get', 'run', 'iterate'];

/** Records the source and arguments of every statement any connection runs until stopped. */
function recordStatements(): { recorded: Recorded[]; stop: () => void } {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<Method, (...args: unknown[]) => unknown>;
  probe.close();
  const originals = new Map(METHODS.map((m) => [m, proto[m]]));
  const recorded: Recorded[] = [];
  for (const m of METHODS) {
    const original = originals.get(m)!;
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      recorded.push({ sql: this.source, args });
      return original.apply(this, args);
    };
  }
  return { recorded, stop: () => METHODS.forEach((m) => (proto[m] = originals.get(m)!)) };
}

/** The names a statement gives the comments table: its aliases, or the table's own name. */
function commentAliases(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of sql.matchAll(/\bcomments\b(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const alias = m[1];
    names.add(alias && !/^(WHERE|SET|JOIN|LEFT|ON|ORDER|GROUP|LIMIT|INDEXED|CROSS|INNER|USING|UNION|VALUES|WHEN|AND|OR)$/i.test(alias) ? alias : 'comments');
  }
  return names;
}

/** Plan lines that walk the whole comments table or one of its indexes (SCAN), where a SEARCH would read only the rows asked for. */
function wholeTableScans(db: Database.Database, r: Recorded): string[] {
  if (!/\bcomments\b/i.test(r.sql) || /^\s*(CREATE|DROP)\b/i.test(r.sql)) return [];
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
  const aliases = commentAliases(r.sql);
  return plan.map((p) => p.detail).filter((d) => {
    const m = /^SCAN (\w+)\b/.exec(d);
    return m !== null && aliases.has(m[1]);
  });
}

let recorder: ReturnType<typeof recordStatements>;
beforeEach(() => void (recorder = recordStatements()));
afterEach(() => recorder.stop());

describe('the comments table is read through its indexes', () => {
  it('by every statement of an import, a re-import, the review list, its filters and counts, the rules, the history and annotations', async () => {
    const file = { path: path.join(SAMPLES, 'wxr-moderation.xml') };
    await h.value('imports.run', { file });
    await h.value('imports.run', { file });
    await h.value('imports.preview', { file });
    const { items } = await h.value('comments.list', { order: 'oldest', limit: 100 });
    const first = items[0] as { id: string; postId: string; revision: number; author: { name: string } };
    const reply = (items as { id: string; parentId: string | null }[]).find((c) => c.parentId) ?? first;
    const tag = await h.value('tags.create', { name: 'needs reply' });
    await h.value('annotations.create', { commentId: first.id, start: 0, end: 2, quote: (items[0] as { text: string }).text.slice(0, 2), tagId: tag.id });
    await h.value('replies.save', { commentId: first.id, baseRevision: 0, body: '<p>Thanks</p>', text: 'Thanks', status: 'draft' });
    const history = await h.value('commenters.history', { commentId: first.id });
    const filters = [
      {},
      { postId: first.postId },
      { status: ['pending'] },
      { postId: first.postId, status: ['approved', 'pending'] },
      { tagId: tag.id },
      { annotated: true },
      { hasReplyDraft: true },
      { author: first.author.name.slice(0, 3) },
      { from: '2024-01-01', to: '2030-12-31' },
      { search: 'the' },
      { threadOf: first.id },
      { commenter: history.key },
      { rule: 'any' },
      { rule: 'links' },
      { minScore: 0.5 },
    ];
    for (const filter of filters) {
      for (const order of ['newest', 'oldest', 'score']) await h.value('comments.list', { filter, order, limit: 50 });
      await h.value('comments.counts', { filter });
      await h.value('comments.ids', { filter });
    }
    await h.value('comments.list', { filter: { postId: first.postId }, order: 'thread', limit: 50 });
    await h.value('comments.list', { filter: { threadOf: reply.id }, order: 'thread', limit: 50 });
    await h.value('annotations.list', { postId: first.postId });
    await h.value('annotations.list', { threadOf: first.id });
    await h.value('rules.test', { spec: { kind: 'banned', params: { phrases: ['cheap meds'] } } });
    await h.value('rules.apply', { scope: {}, dryRun: false });
    await h.value('rules.apply', { scope: { postId: first.postId }, dryRun: true });
    await h.value('comments.setStatus', { items: [{ id: first.id, revision: first.revision }], status: 'spam' });
    recorder.stop();

    const db = h.ctx.db;
    const seen = new Map<string, Recorded>();
    for (const r of recorder.recorded) if (!seen.has(r.sql)) seen.set(r.sql, r);
    expect(seen.size).toBeGreaterThan(40);
    const scans = [...seen.values()]
      .map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').trim(), scans: wholeTableScans(db, r) }))
      .filter((r) => !WHOLE_TABLE_BY_DESIGN.some((w) => w.test(r.sql)))
      .filter((r) => r.scans.length);
    expect(scans).toEqual([]);
  });
});
