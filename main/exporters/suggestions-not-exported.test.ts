/**
 * Pending suggestions are not published: every exporter gives the same bytes for a post whether or
 * not suggestions are pending in its text (none of their ids, nor the suggested words). The clock is
 * pinned, so the only difference between the two runs is the suggestions: the text readers get is
 * the text without them (insertions dropped, deletions kept, format changes not applied).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPost } from '../../db/repos/posts';
import { seedPublishFixtures } from './publish-fixtures';
import { addSuggestionsToPost, SUGGESTED_WORDS } from '../suggestions/testing';
import { useApiHarness } from '../testing/api-harness';
import { exportsOf } from './exports-of';

const api = useApiHarness('wb-suggest-export-');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-05-01T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pending suggestions in exports', () => {
  it('are in no exporter: page, fragment, preview, written files, series folder, WXR and downloads are byte for byte as without them', async () => {
    const fx = seedPublishFixtures(api.ctx.db);
    const before = await exportsOf(api, fx.guestSlug, 'clinical-leadership', 'before');
    const ids = addSuggestionsToPost(api.ctx.db, fx.guestSlug);
    expect(JSON.stringify(getPost(api.ctx.db, { slug: fx.guestSlug }).body)).toContain('"type":"suggestion-delete"');
    const after = await exportsOf(api, fx.guestSlug, 'clinical-leadership', 'after');
    for (const [exporter, bytes] of Object.entries(after)) {
      expect(bytes, exporter).toBe(before[exporter]);
      for (const leak of [...ids, '<ins', '<del', 'suggestion', SUGGESTED_WORDS]) expect(bytes.includes(leak), `${exporter} carries ${leak}`).toBe(false);
    }
  });
});
