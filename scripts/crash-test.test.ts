import { describe, expect, it } from 'vitest';
import { checkComment, checkPost, runCrashTest, type PostModel } from './crash-test';

describe('crash safety', () => {
  it('after 8 SIGKILLs at random moments the file is intact and every acknowledged change is there', async () => {
    const report = await runCrashTest({ kills: 8, seed: 8 });
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(8);
    // How much traffic fits between kills depends on the machine's load; that some did is what matters.
    expect(report.acknowledged).toBeGreaterThan(8);
    expect(report.commentsChecked).toBeGreaterThan(0);
  }, 180_000);

  describe('the check itself', () => {
    const acked: PostModel = { id: 'p', revision: 4, title: 'Saved', standfirst: 's', trashed: false, pending: null };
    const stored = { id: 'p', revision: 4, title: 'Saved', standfirst: 's', deleted_at: null };

    it('passes a post that holds its acknowledged state', () => {
      expect(checkPost(acked, stored).failure).toBeNull();
    });

    it('fails a lost post, a lost save, a lost trash, and a half-written in-flight save', () => {
      expect(checkPost(acked, undefined).failure).toMatch(/gone/);
      expect(checkPost(acked, { ...stored, revision: 3 }).failure).toMatch(/revision 3, acknowledged 4/);
      expect(checkPost(acked, { ...stored, title: 'Older' }).failure).toMatch(/lost/);
      expect(checkPost({ ...acked, trashed: true }, stored).failure).toMatch(/trash lost/);
      const inFlight: PostModel = { ...acked, pending: { kind: 'update', title: 'New', standfirst: 'n' } };
      expect(checkPost(inFlight, { ...stored, revision: 5, title: 'New', standfirst: 's' }).failure).toMatch(/partly/);
      expect(checkPost(inFlight, { ...stored, revision: 5, title: 'New', standfirst: 'n' })).toEqual({ failure: null, committedPending: true });
      expect(checkPost(inFlight, stored)).toEqual({ failure: null, committedPending: false });
    });

    it('fails a lost moderation and accepts an in-flight one either whole or absent', () => {
      const c = { id: 'c', revision: 2, status: 'approved' as const, pending: null };
      expect(checkComment(c, { id: 'c', revision: 2, status: 'approved' }).failure).toBeNull();
      expect(checkComment(c, { id: 'c', revision: 1, status: 'pending' }).failure).toMatch(/acknowledged approved at 2/);
      expect(checkComment(c, undefined).failure).toMatch(/gone/);
      const inFlight = { ...c, pending: 'spam' as const };
      expect(checkComment(inFlight, { id: 'c', revision: 3, status: 'spam' })).toEqual({ failure: null, committedPending: true });
      expect(checkComment(inFlight, { id: 'c', revision: 2, status: 'approved' })).toEqual({ failure: null, committedPending: false });
    });
  });
});
