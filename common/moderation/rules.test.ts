import { describe, expect, it } from 'vitest';
import type { RuleSpec } from './rule-schema';
import { compileRules, evaluate, EMPTY_HISTORY, type RuleInput, type StoredRule } from './rules';
import { moderateBatch, type BatchComment } from './batch';

const comment = (over: Partial<RuleInput> = {}): RuleInput => ({
  status: 'pending',
  decidedBy: null,
  author: { name: 'Reader', email: 'reader@example.org', url: '' },
  text: 'A thoughtful comment.',
  html: '<p>A thoughtful comment.</p>',
  history: { approved: 1, pending: 0, spam: 0, trash: 0 },
  score: null,
  ...over,
});
const rules = (...specs: RuleSpec[]): ReturnType<typeof compileRules> =>
  compileRules(specs.map((spec, i): StoredRule => ({ id: `r${i}`, enabled: true, spec })));

describe('each rule', () => {
  it('links: holds a comment with more than N links, counting anchors or written-out addresses', () => {
    const r = rules({ kind: 'links', params: { max: 2 } });
    const html = '<p><a href="https://a.example">a</a> <a href="https://b.example">b</a> <a href="https://c.example">c</a> <a href=x>d</a></p>';
    const v = evaluate(comment({ status: 'approved', decidedBy: 'rule', html, text: 'a b c d' }), r);
    expect(v).toMatchObject({ status: 'pending', hits: [{ kind: 'links', action: 'hold', reason: 'held: 4 links', decisive: true }] });
    expect(evaluate(comment({ text: 'see https://a.example and www.b.example' }), r).hits).toEqual([]);
    expect(evaluate(comment({ text: 'see https://a.example, https://b.example and www.c.example' }), r).hits[0]?.reason).toBe('held: 3 links');
  });

  it('banned: spam for a whole word or phrase, in any case, never for part of a word', () => {
    const r = rules({ kind: 'banned', params: { phrases: ['cheap meds', 'casino'] } });
    expect(evaluate(comment({ text: 'Get CHEAP   meds now' }), r)).toMatchObject({ status: 'spam', hits: [{ reason: "spam: banned phrase 'cheap meds'" }] });
    expect(evaluate(comment({ text: 'the casino closed' }), r).hits[0].reason).toBe("spam: banned word 'casino'");
    expect(evaluate(comment({ text: 'cheap medsal, casinos' }), r).status).toBeNull();
  });

  it('suspect: keeps the comment pending and flags it', () => {
    const v = evaluate(comment({ text: 'Is there a crypto angle?' }), rules({ kind: 'suspect', params: { words: ['crypto'] } }));
    expect(v).toEqual({ status: 'pending', flags: ['suspect'], hits: [{ ruleId: 'r0', kind: 'suspect', action: 'flag', reason: "held: suspect word 'crypto'", decisive: true }] });
  });

  it('blocked: spam by e-mail (any case), name, or domain of the web or e-mail address', () => {
    const r = rules({ kind: 'blocked', params: { emails: ['Bad@Spam.example'], names: ['Win Big'], domains: ['offers.example'] } });
    expect(evaluate(comment({ author: { name: 'x', email: ' bad@spam.EXAMPLE', url: '' } }), r).hits[0].reason).toBe('spam: blocked e-mail bad@spam.example');
    expect(evaluate(comment({ author: { name: 'win  big', email: '', url: '' } }), r).hits[0].reason).toBe("spam: blocked name 'win  big'");
    expect(evaluate(comment({ author: { name: 'x', email: '', url: 'https://shop.offers.example/a' } }), r).status).toBe('spam');
    expect(evaluate(comment({ author: { name: 'x', email: 'a@offers.example', url: '' } }), r).status).toBe('spam');
    expect(evaluate(comment({ author: { name: 'x', email: 'a@notoffers.example', url: '' } }), r).status).toBeNull();
  });

  it('trusted: approves an allowed writer, or one with N approved earlier comments and no spam', () => {
    const r = rules({ kind: 'trusted', params: { emails: ['maya@example.org'], names: [], minApproved: 3 } });
    expect(evaluate(comment({ author: { name: 'M', email: 'MAYA@example.org ', url: '' }, history: EMPTY_HISTORY }), r).status).toBe('approved');
    expect(evaluate(comment({ history: { approved: 3, pending: 1, spam: 0, trash: 2 } }), r).hits[0].reason).toBe('approved: 3 earlier approved comments, no spam');
    expect(evaluate(comment({ history: { approved: 2, pending: 0, spam: 0, trash: 0 } }), r).status).toBeNull();
    expect(evaluate(comment({ history: { approved: 9, pending: 0, spam: 1, trash: 0 } }), r).status).toBeNull();
  });

  it('first: holds the first comment of someone new, and only that', () => {
    const r = rules({ kind: 'first', params: {} });
    expect(evaluate(comment({ history: EMPTY_HISTORY }), r).hits[0].reason).toBe('held: first comment from this commenter');
    expect(evaluate(comment({ history: { approved: 0, pending: 0, spam: 0, trash: 1 } }), r).hits).toEqual([]);
  });

  it('score: spam only above the threshold, and never without a score', () => {
    const r = rules({ kind: 'score', params: { above: 0.99 } });
    expect(evaluate(comment({ score: 0.995 }), r).hits[0].reason).toBe('spam: spam score 0.995 above 0.99');
    expect(evaluate(comment({ score: 0.99 }), r).status).toBeNull();
    expect(evaluate(comment({ score: null }), r).status).toBeNull();
  });

  it('a rule turned off does nothing', () => {
    const off = compileRules([{ id: 'x', enabled: false, spec: { kind: 'first', params: {} } }]);
    expect(evaluate(comment({ history: EMPTY_HISTORY }), off).hits).toEqual([]);
  });
});

describe('the order rules apply in', () => {
  const all = rules(
    { kind: 'first', params: {} },
    { kind: 'trusted', params: { emails: ['maya@example.org'], names: [], minApproved: 0 } },
    { kind: 'suspect', params: { words: ['crypto'] } },
    { kind: 'links', params: { max: 0 } },
    { kind: 'banned', params: { phrases: ['cheap meds'] } },
    { kind: 'blocked', params: { emails: [], names: [], domains: ['spam.example'] } },
  );
  const maya = { name: 'Maya', email: 'maya@example.org', url: '' };

  it('spam rules decide before holds, holds before approval; every rule that fired is recorded in that order', () => {
    const v = evaluate(comment({ author: { ...maya, url: 'https://spam.example' }, history: EMPTY_HISTORY, text: 'crypto cheap meds https://x.example' }), all);
    expect(v.status).toBe('spam');
    expect(v.hits.map((h) => [h.kind, h.decisive])).toEqual([
      ['blocked', true],
      ['banned', false],
      ['links', false],
      ['suspect', false],
      ['trusted', false],
      ['first', false],
    ]);
  });

  it('a trusted writer is still held for too many links (as WordPress does)', () => {
    const v = evaluate(comment({ author: maya, text: 'see https://x.example' }), all);
    expect(v.status).toBe('pending');
    expect(v.hits.map((h) => h.kind)).toEqual(['links', 'trusted']);
  });
});

describe('a person decided', () => {
  const r = rules({ kind: 'banned', params: { phrases: ['cheap meds'] } }, { kind: 'trusted', params: { emails: [], names: [], minApproved: 1 } });

  it('gives no verdict on a comment a person moderated, whatever its status', () => {
    for (const status of ['approved', 'pending', 'spam', 'trash'] as const) {
      expect(evaluate(comment({ status, decidedBy: 'person', text: 'cheap meds' }), r)).toEqual({ status: null, flags: [], hits: [] });
    }
  });

  it('leaves a status that came with the import (approved, spam, trash) alone, but decides a pending one', () => {
    expect(evaluate(comment({ status: 'approved', text: 'cheap meds' }), r).status).toBeNull();
    expect(evaluate(comment({ status: 'pending', text: 'cheap meds' }), r).status).toBe('spam');
  });

  it('sends a comment a rule decided back to pending when no rule fires any more', () => {
    expect(evaluate(comment({ status: 'spam', decidedBy: 'rule', history: EMPTY_HISTORY }), r).status).toBe('pending');
  });
});

describe('rules over a batch', () => {
  const row = (id: string, key: string, postedAt: string, over: Partial<BatchComment> = {}): BatchComment => ({
    ...comment({ history: EMPTY_HISTORY }),
    id,
    key,
    postedAt,
    seq: Number(id.replace(/\D/g, '')),
    target: true,
    ...over,
  });

  it('counts a writer\'s earlier comments in date order, including verdicts given in the same batch', () => {
    const r = rules({ kind: 'first', params: {} }, { kind: 'trusted', params: { emails: [], names: [], minApproved: 2 } });
    const out = moderateBatch(
      [
        row('c4', 'e:a', '2025-01-04', {}),
        row('c1', 'e:a', '2025-01-01', { target: false, status: 'approved' }),
        row('c2', 'e:a', '2025-01-02', { target: false, status: 'approved' }),
        row('c3', 'e:b', '2025-01-03'),
        row('c5', 'e:b', '2025-01-05'),
      ],
      r,
    );
    const byId = new Map(out.map((v) => [v.id, v]));
    expect(byId.get('c4')).toMatchObject({ status: 'approved', history: { approved: 2 } });
    expect(byId.get('c3')!.hits.map((h) => h.kind)).toEqual(['first']);
    expect(byId.get('c5')).toMatchObject({ status: null, hits: [], history: { pending: 1 } });
    expect(out).toHaveLength(3);
  });
});
