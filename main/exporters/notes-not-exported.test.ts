/**
 * Editorial notes never leave the app: every exporter gives the same bytes for a post whether or
 * not notes are anchored in its text (and none of a note's id, mark or message). The clock is
 * pinned, so the only difference between the two runs is the notes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPost } from '../../db/repos/posts';
import { seedPublishFixtures } from './publish-fixtures';
import { addNotesToPost } from '../notes/testing';
import { useApiHarness } from '../testing/api-harness';
import { exportsOf } from './exports-of';

const api = useApiHarness('wb-notes-export-');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-05-01T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('notes in exports', () => {
  it('are in no exporter: page, fragment, preview, written files, series folder, WXR and downloads are byte for byte as without notes', async () => {
    const fx = seedPublishFixtures(api.ctx.db);
    const before = await exportsOf(api, fx.guestSlug, 'clinical-leadership', 'before');
    const ids = addNotesToPost(api.ctx.db, fx.guestSlug);
    expect(JSON.stringify(getPost(api.ctx.db, { slug: fx.guestSlug }).body)).toContain('"type":"mark"');
    const after = await exportsOf(api, fx.guestSlug, 'clinical-leadership', 'after');
    for (const [exporter, bytes] of Object.entries(after)) {
      expect(bytes, exporter).toBe(before[exporter]);
      for (const leak of [...ids, '<mark', 'Private remark']) expect(bytes.includes(leak), `${exporter} carries ${leak}`).toBe(false);
    }
  });
});
