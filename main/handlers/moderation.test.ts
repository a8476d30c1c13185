import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApiHarness } from '../testing/api-harness';
import { SAMPLES } from '../importers/testing';
import { trainAndScore } from '../moderation/spam-training';

const h = useApiHarness('wb-moderation-');
const SAMPLE = { path: path.join(SAMPLES, 'wxr-moderation.xml') };

async function byAuthor() {
  const { items } = await h.value('comments.list', { order: 'oldest', limit: 100 });
  return items as { id: string; sourceId: string; revision: number; status: string; author: { name: string }; moderation?: { hits: { reason: string; kind: string }[]; decidedBy: string | null } }[];
}
const bySource = async (sourceId: string) => (await byAuthor()).find((c) => c.sourceId === sourceId)!;
const reasons = (c: Awaited<ReturnType<typeof bySource>>) => c.moderation?.hits.map((x) => x.reason) ?? [];

/** Every row the rules write or read, for "nothing changed" checks. */
function snapshot() {
  const db = h.ctx.db;
  return ['SELECT * FROM comments ORDER BY id', 'SELECT * FROM comment_rule_hits ORDER BY 1, 2', 'SELECT * FROM comment_verdicts ORDER BY 1', 'SELECT * FROM moderation_rules ORDER BY id'].map((q) =>
    db.prepare(q).all(),
  );
}

describe('rules at import', () => {
  it('hold, approve and record their reasons for the new pending comments, and leave the statuses the file decided', async () => {
    const summary = await h.value('imports.run', { file: SAMPLE });
    expect(summary.moderation).toEqual({ held: 4, spam: 0, approved: 1, flagged: 0 });
    // Maya: three approved before (her address in three spellings); her comment with four links is held anyway.
    expect(reasons(await bySource('201'))).toEqual(['held: 4 links', 'approved: 3 earlier approved comments, no spam']);
    expect(await bySource('201')).toMatchObject({ status: 'pending' });
    expect(await bySource('202')).toMatchObject({ status: 'approved', moderation: { decidedBy: 'rule', hits: [{ kind: 'trusted', reason: 'approved: 3 earlier approved comments, no spam' }] } });
    expect(reasons(await bySource('204'))).toEqual(['held: first comment from this commenter']);
    // The file's own decisions: no verdict, no reasons.
    expect(await bySource('104')).toMatchObject({ status: 'spam' });
    expect((await bySource('104')).moderation).toBeUndefined();
  });

  it('filters the list on a rule kind and on a commenter', async () => {
    await h.value('imports.run', { file: SAMPLE });
    const links = await h.value('comments.list', { filter: { rule: 'links' } });
    expect(links.items.map((c: { sourceId: string }) => c.sourceId)).toEqual(['201']);
    const history = await h.value('commenters.history', { commentId: (await bySource('202')).id });
    expect(history).toMatchObject({ basis: 'email', key: 'e:maya@example.org', earlier: { approved: 3, pending: 1, spam: 0, trash: 0, total: 4 }, since: '2024-03-05T09:00:00.000Z', all: 5 });
    const hers = await h.value('comments.list', { filter: { commenter: history.key }, order: 'oldest' });
    expect(hers.items.map((c: { sourceId: string }) => c.sourceId)).toEqual(['101', '102', '103', '201', '202']);
  });
});

describe('rules.test and rules.apply', () => {
  it('a dry run shows what a new rule would change and changes nothing', async () => {
    await h.value('imports.run', { file: SAMPLE });
    const before = snapshot();
    const report = await h.value('rules.test', { spec: { kind: 'banned', params: { phrases: ['cheap meds'] } } });
    // Five undecided: four pending and the one a rule approved (rules may revisit their own decisions).
    expect(report).toMatchObject({ dryRun: true, evaluated: 5, toStatus: { spam: 1, approved: 0 }, fired: { banned: 1 } });
    expect(report.examples).toMatchObject([{ author: 'Deal Finder', from: 'pending', to: 'spam', reasons: ["spam: banned phrase 'cheap meds'", 'held: first comment from this commenter'] }]);
    const dry = await h.value('rules.apply', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, changed: [] });
    expect(snapshot()).toEqual(before);
  });

  it('applies a saved rule, and undo puts the statuses back', async () => {
    await h.value('imports.run', { file: SAMPLE });
    await h.value('rules.add', { spec: { kind: 'banned', params: { phrases: ['cheap meds'] } } });
    const report = await h.value('rules.apply', {});
    expect(report.changed).toHaveLength(1);
    const deal = await bySource('203');
    expect(deal).toMatchObject({ status: 'spam', moderation: { decidedBy: 'rule' } });
    await h.value('comments.restoreStatuses', { items: report.changed.map((c: { id: string; revision: number; previousStatus: string }) => ({ id: c.id, revision: c.revision, status: c.previousStatus })) });
    expect(await bySource('203')).toMatchObject({ status: 'pending', moderation: { decidedBy: 'person' } });
    // Undone by a person: applying the rules again leaves it alone.
    expect((await h.value('rules.apply', {})).changed).toEqual([]);
  });

  it('never overrides a decision a reviewer made, whatever the status', async () => {
    await h.value('imports.run', { file: SAMPLE });
    const deal = await bySource('203');
    const lee = await bySource('205');
    await h.value('comments.setStatus', { items: [{ id: deal.id, revision: deal.revision }], status: 'approved' });
    // Spam, then pending again: a person's "pending" is a decision too.
    const s = await h.value('comments.setStatus', { items: [{ id: lee.id, revision: lee.revision }], status: 'spam' });
    await h.value('comments.setStatus', { items: [{ id: lee.id, revision: s.changed[0].revision }], status: 'pending' });
    await h.value('rules.add', { spec: { kind: 'banned', params: { phrases: ['cheap meds', 'crypto'] } } });
    const report = await h.value('rules.apply', {});
    expect(report.changed).toEqual([]);
    expect(await bySource('203')).toMatchObject({ status: 'approved' });
    expect(await bySource('205')).toMatchObject({ status: 'pending' });
  });

  it('turns a rule off and removes it; a rule id that does not exist is refused by name', async () => {
    const rule = await h.value('rules.add', { spec: { kind: 'links', params: { max: 5 } } });
    expect((await h.value('rules.setEnabled', { id: rule.id, enabled: false })).enabled).toBe(false);
    await h.value('rules.remove', { id: rule.id });
    expect((await h.value('rules.list', {})).rules.map((r: { id: string }) => r.id)).not.toContain(rule.id);
    expect(await h.failure('rules.remove', { id: rule.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(rule.id) });
    expect(await h.failure('rules.add', { spec: { kind: 'links', params: { max: -1 } } })).toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('the spam score in the list', () => {
  it('sorts pending comments by score, highest first, and filters on a floor', async () => {
    await h.value('imports.run', { file: SAMPLE });
    await h.value('rules.add', { spec: { kind: 'banned', params: { phrases: ['cheap meds'] } } });
    await h.value('rules.apply', {});
    const sam = await bySource('204');
    await h.value('comments.setStatus', { items: [{ id: sam.id, revision: sam.revision }], status: 'approved' });
    // Five approved, six spam: enough decisions to learn from.
    expect(trainAndScore(h.ctx.db)).not.toBeNull();
    const { items } = await h.value('comments.list', { filter: { status: ['pending'] }, order: 'score' });
    const scores = items.map((c: { moderation?: { score: number | null } }) => c.moderation?.score ?? null);
    expect(scores.every((x: number | null) => x !== null)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const floor = scores[0];
    const top = await h.value('comments.list', { filter: { minScore: floor } });
    expect(top.items.length).toBeGreaterThanOrEqual(1);
    expect(top.items.every((c: { moderation?: { score: number | null } }) => (c.moderation?.score ?? 0) >= floor)).toBe(true);
  });
});
