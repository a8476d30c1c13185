import { describe, expect, it } from 'vitest';
import { build } from '../editor/serialized';
import { scanBody } from './body-scan';
import { DEFAULT_CHECKLIST, effectiveChecklist, checklistProblems, type ChecklistConfig } from './config';
import { describeFailures, runChecklist } from './evaluate';
import { isSecureOrLocalLink, type ChecklistFacts } from './rules';

const body = build.root([
  build.heading('h2', [build.text('Start')]),
  build.paragraph([build.text('See '), build.link('https://example.org/a', [build.text('this')]), build.text(' and '), build.link('#notes', [build.text('notes')])]),
  build.image('asset:00000000-0000-7000-8000-000000000001', 'A ward at night', 'The night shift'),
  build.heading('h3', [build.text('Detail')]),
]);

const good = (): ChecklistFacts => ({
  standfirst: 'A standfirst that is long enough to pass the default rule of fifty characters.',
  wordCount: 800,
  tags: ['policy'],
  authors: [{ name: 'Ada Lovelace', role: 'Nurse' }],
  scan: scanBody(body),
  featuredImage: { alt: 'A ward' },
  plannedDate: '2027-01-04',
  seriesNotice: 'This is the third in a series of guest blogs that explores care.',
  review: { openNotes: [], unresolvedMentions: [], pendingSuggestions: [] },
});

const only = (id: keyof ChecklistConfig, facts: ChecklistFacts, config: ChecklistConfig = DEFAULT_CHECKLIST) =>
  runChecklist(facts, config).results.find((r) => r.id === id)!;

describe('checklist rules', () => {
  it('passes every rule for a complete post', () => {
    const report = runChecklist(good(), DEFAULT_CHECKLIST);
    expect(report.results).toHaveLength(11);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.blocking).toEqual([]);
  });

  it('wants a guest author, and a role for each, and points at the authors field', () => {
    expect(only('guest-author', { ...good(), authors: [] })).toMatchObject({ ok: false, message: 'No guest author yet.', target: { kind: 'field', field: 'authors' } });
    expect(only('guest-author', { ...good(), authors: [{ name: 'Bo', role: ' ' }] }).message).toBe('No role for Bo.');
  });

  it('measures the standfirst and word count against their ranges', () => {
    expect(only('standfirst-length', { ...good(), standfirst: 'Too short.' })).toMatchObject({ ok: false, target: { field: 'standfirst' } });
    expect(only('standfirst-length', { ...good(), standfirst: 'x'.repeat(301) }).ok).toBe(false);
    expect(only('word-count', { ...good(), wordCount: 299 }).message).toBe('The text has 299 words; 300–3000 words wanted.');
    expect(only('word-count', { ...good(), wordCount: 3000 }).ok).toBe(true);
  });

  it('warns of open notes by how many, the first few notes’ words and who is mentioned', () => {
    const review = {
      openNotes: ['ninety', 'standfirst', 'March', 'A very long quote that goes on well past forty characters'].map((quote, i) => ({ id: `n${i}`, quote })),
      unresolvedMentions: [{ noteId: 'n0', name: 'Sam Reviewer' }, { noteId: 'n2', name: 'Sam Reviewer' }, { noteId: 'n2', name: 'Ann Admin' }],
      pendingSuggestions: [],
    };
    expect(only('open-notes', { ...good(), review })).toMatchObject({
      ok: false,
      level: 'recommended',
      message: '4 open notes: “ninety”, “standfirst”, “March” and 1 more; 3 unresolved mentions (Sam Reviewer, Ann Admin).',
      target: null,
    });
    expect(only('open-notes', { ...good(), review: { openNotes: [{ id: 'n', quote: 'x'.repeat(50) }], unresolvedMentions: [], pendingSuggestions: [] } }).message).toBe(`1 open note: “${'x'.repeat(39)}…”.`);
    expect(only('open-notes', good())).toMatchObject({ ok: true, message: 'No open notes or pending suggestions.' });
  });

  it('warns of pending suggestions by author, alone or after the notes', () => {
    const pendingSuggestions = [{ authorName: 'Ed Itor', count: 2 }, { authorName: 'Gus Guest', count: 1 }];
    expect(only('open-notes', { ...good(), review: { openNotes: [], unresolvedMentions: [], pendingSuggestions } })).toMatchObject({
      ok: false,
      message: '3 pending suggestions (Ed Itor 2, Gus Guest 1).',
    });
    const withNote = { openNotes: [{ id: 'n', quote: 'ninety' }], unresolvedMentions: [], pendingSuggestions: [{ authorName: 'Ed Itor', count: 1 }] };
    expect(only('open-notes', { ...good(), review: withNote }).message).toBe('1 open note: “ninety”; 1 pending suggestion (Ed Itor 1).');
  });

  it('counts tags against the minimum set', () => {
    const config = effectiveChecklist(null, { tags: { level: 'required', min: 3 } });
    expect(only('tags', good(), config)).toMatchObject({ ok: false, level: 'required', message: '1 tag; at least 3 wanted.' });
  });

  it('finds a picture without alt text, and without a caption only when captions are required', () => {
    const noCaption = scanBody(build.root([build.paragraph([build.text('x')]), build.image('asset:x', 'Alt', '')]));
    expect(only('image-text', { ...good(), scan: noCaption }).ok).toBe(true);
    const captions = effectiveChecklist(null, { 'image-text': { level: 'required', caption: true } });
    expect(only('image-text', { ...good(), scan: noCaption }, captions)).toMatchObject({ ok: false, target: { kind: 'block', index: 1 } });
    const noAlt = scanBody(build.root([build.image('asset:x', '', 'c')]));
    expect(only('image-text', { ...good(), scan: noAlt })).toMatchObject({ ok: false, target: { kind: 'block', index: 0 } });
  });

  it('wants a featured image with alt text', () => {
    expect(only('featured-image', { ...good(), featuredImage: null }).ok).toBe(false);
    expect(only('featured-image', { ...good(), featuredImage: { alt: '' } }).message).toBe('The featured image has no alt text.');
  });

  it('accepts https: and in-document links only, pointing at the first bad one', () => {
    expect(isSecureOrLocalLink('https://a.org')).toBe(true);
    expect(isSecureOrLocalLink('#top')).toBe(true);
    expect(isSecureOrLocalLink('http://a.org')).toBe(false);
    expect(isSecureOrLocalLink('mailto:a@b.org')).toBe(false);
    const scan = scanBody(build.root([build.paragraph([build.text('a')]), build.list('bullet', [[build.link('http://plain.org', [build.text('x')])]])]));
    expect(only('links', { ...good(), scan })).toMatchObject({ ok: false, target: { kind: 'block', index: 1 } });
  });

  it('wants the series notice filled in, and passes posts outside a series', () => {
    expect(only('series-notice', { ...good(), seriesNotice: null }).ok).toBe(true);
    expect(only('series-notice', { ...good(), seriesNotice: '' }).ok).toBe(false);
    expect(only('series-notice', { ...good(), seriesNotice: 'The {ordinal} post' }).message).toMatch(/unfilled placeholder/);
  });

  it('finds a skipped heading level, counting the title as the h1', () => {
    const skip = scanBody(build.root([build.heading('h2', [build.text('a')]), build.heading('h4', [build.text('b')])]));
    expect(only('heading-levels', { ...good(), scan: skip })).toMatchObject({ ok: false, message: 'An h4 follows an h2: level 3 is skipped.', target: { index: 1 } });
    const startsDeep = scanBody(build.root([build.heading('h3', [build.text('a')])]));
    expect(only('heading-levels', { ...good(), scan: startsDeep }).ok).toBe(false);
  });

  it('wants a planned date', () => {
    expect(only('planned-date', { ...good(), plannedDate: null })).toMatchObject({ ok: false, level: 'recommended', target: { field: 'plannedDate' } });
  });

  it('splits failures into blocking (required) and warnings (recommended), and skips rules that are off', () => {
    const config = effectiveChecklist({ 'featured-image': { level: 'off' }, 'planned-date': { level: 'required' } }, { tags: { level: 'required' } });
    const report = runChecklist({ ...good(), tags: [], plannedDate: null, featuredImage: null, wordCount: 10 }, config);
    expect(report.results.some((r) => r.id === 'featured-image')).toBe(false);
    expect(report.blocking.map((r) => r.id)).toEqual(['tags', 'planned-date']);
    expect(report.warnings.map((r) => r.id)).toEqual(['word-count']);
    expect(describeFailures(report.blocking)).toBe('At least 1 tag (0 tags; at least 1 wanted); A planned date (No planned date)');
  });

  it('layers a series override over the global settings over the defaults', () => {
    const c = effectiveChecklist({ 'word-count': { level: 'required', min: 500, max: 900 } }, { 'word-count': { level: 'recommended', min: 100 } });
    expect(c['word-count']).toEqual({ level: 'recommended', min: 100, max: 900 });
    expect(checklistProblems({ 'word-count': { level: 'required', min: 10, max: 5 } })).toEqual(['word-count: the minimum (10) is above the maximum (5)']);
  });
});
