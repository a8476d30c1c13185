import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdWrites, writesOpen } from './write-gate';
import { useApiHarness } from './testing/api-harness';

describe('write gate', () => {
  it('is open when nothing holds it, and queues holders one after another', async () => {
    const store = {};
    await writesOpen(store); // resolves at once
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = holdWrites(store, () => new Promise<void>((r) => (releaseFirst = () => (order.push('first done'), r()))));
    const second = holdWrites(store, async () => void order.push('second ran'));
    const waiter = writesOpen(store).then(() => order.push('writer ran'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    releaseFirst();
    await Promise.all([first, second, waiter]);
    expect(order[0]).toBe('first done');
    expect(order).toContain('second ran');
    expect(order).toContain('writer ran');
  });

  it('releases the gate when the holder throws', async () => {
    const store = {};
    await expect(holdWrites(store, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await writesOpen(store);
  });
});

/** A WXR file of one post with `n` comments, written to disk. */
function writeWxr(file: string, n: number): void {
  const comments = Array.from(
    { length: n },
    (_, i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>Reader ${i}</wp:comment_author>
<wp:comment_date_gmt>2026-01-01 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[<p>Comment number ${i} about clinical leadership.</p>]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`,
  ).join('\n');
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><item><title>Gate test</title><link>https://example.org/gate</link><wp:post_name>gate-test</wp:post_name><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[<p>Body</p>]]></content:encoded>${comments}</item></channel></rss>`,
  );
}

describe('a save while an import runs', () => {
  const api = useApiHarness('wb-gate-');

  it('waits for the import instead of failing on the locked database, and is stored after it', async () => {
    const draft = await api.value('posts.create', { title: 'Being edited' });
    const file = path.join(api.dir, 'big.wxr');
    writeWxr(file, 20_000);
    const job = await api.value('imports.start', { file: { path: file } });

    // The editor's autosave arrives mid-import.
    const saved = api.value('posts.update', { id: draft.id, baseRevision: draft.revision, title: 'Saved during the import' });
    // Reads are not held up meanwhile.
    const read = await api.value('posts.get', { id: draft.id });
    expect(read.title).toBe('Being edited');

    const post = await saved;
    expect(post.title).toBe('Saved during the import');
    const done = await api.value('imports.progress', { jobId: job.jobId });
    expect(done.state).toBe('done');
    expect(done.summary.comments.imported).toBe(20_000);
  }, 60_000);
});
