import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../common/api';
import { type Ctx } from '../context';
import { createDispatch } from '../dispatch';
import { importsHandlers } from './imports';
import { postsHandlers } from './posts';
import { SAMPLES } from '../importers/testing';
import { waitForJob } from '../importers/jobs';
import { listCommentsOfPost } from '../../db/repos/comments';
import { DEMO_PAGE_FILE } from '../demo/paths';
import { useApiHarness } from '../testing/api-harness';
import { uploadsDir } from '../importers/uploads';
import { defaultedStatusText } from '../../common/import-notes';

const api = useApiHarness('wb-imports-', { ...postsHandlers, ...importsHandlers });

const value = api.value;
const failure = api.failure;
const write = (name: string, text: string) => {
  const file = path.join(api.dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const count = (table: string) => (api.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const rows = () => api.ctx.db.prepare('SELECT * FROM comments ORDER BY rowid').all() as any[];

const wxrDoc = (comments: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><item><title>A post</title><link>https://blog.example/a-post/</link><wp:post_id>1</wp:post_id><wp:post_name>a-post</wp:post_name><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[First paragraph.

Second <em>one</em>.]]></content:encoded>
${comments}
</item>${extra}</channel></rss>`;
const wpComment = (id: number | string, o: { parent?: number | string; approved?: string; content?: string; author?: string } = {}) =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${o.author ?? `Reader ${id}`}]]></wp:comment_author><wp:comment_date_gmt>2024-01-0${(Number(id) % 9) + 1} 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${o.content ?? `Comment ${id}`}]]></wp:comment_content><wp:comment_approved>${o.approved ?? '1'}</wp:comment_approved><wp:comment_parent>${o.parent ?? 0}</wp:comment_parent></wp:comment>`;

describe('comment import', () => {
  it('imports the WXR fixture, then finds nothing new when the same file comes again', async () => {
    const file = { path: path.join(SAMPLES, 'wxr-isso-sample.xml') };
    const first = await value('imports.run', { file });
    expect(first).toEqual({ format: 'wxr', posts: 2, comments: { imported: 8, updated: 0, unchanged: 0, byStatus: { approved: 8, pending: 0, spam: 0, trash: 0 } }, defaultedStatus: [], warnings: [] });
    const again = await value('imports.run', { file });
    expect(again.comments).toMatchObject({ imported: 0, updated: 0, unchanged: 8 });
    expect(count('comments')).toBe(8);
    const post = await value('posts.get', { slug: 'test' });
    expect(post).toMatchObject({ title: 'Hello, World…', status: 'published', sourceUrl: 'http://example.tld/2014/test/', commentCount: 7 });
    const byId = new Map(rows().map((r) => [`${r.post_id}/${r.source_id}`, r]));
    const reply = byId.get(`${post.id}/8`);
    expect(byId.get(`${post.id}/7`).id).toBe(byId.get(`${post.id}/8`).parent_id === byId.get(`${post.id}/7`).id ? byId.get(`${post.id}/7`).id : 'not linked');
    expect(reply.parent_source_id).toBe('7');
  });

  it('counts a changed status or text as updated and stores the change', async () => {
    const file = write('a.xml', wxrDoc(wpComment(1) + wpComment(2, { approved: '0' })));
    await value('imports.run', { file: { path: file } });
    write('a.xml', wxrDoc(wpComment(1, { content: 'Comment 1, edited' }) + wpComment(2, { approved: 'spam' })));
    const second = await value('imports.run', { file: { path: file } });
    expect(second.comments).toEqual({ imported: 0, updated: 2, unchanged: 0, byStatus: { approved: 1, pending: 0, spam: 1, trash: 0 } });
    expect(rows().map((r) => [r.source_id, r.status, r.body_text, r.revision])).toEqual([['1', 'approved', 'Comment 1, edited', 2], ['2', 'spam', 'Comment 2', 2]]);
  });

  it('converts the WXR item content into the editor body of a published post', async () => {
    await value('imports.run', { file: { path: write('a.xml', wxrDoc(wpComment(1))) } });
    const post = await value('posts.get', { slug: 'a-post' });
    expect(post.body.root.children.map((p: any) => p.type)).toEqual(['paragraph', 'paragraph']);
    expect(post.body.root.children[1].children.map((t: any) => [t.text, t.format])).toEqual([['Second ', 0], ['one', 2], ['.', 0]]);
  });

  it('attaches comments to an existing post matched by its link', async () => {
    const existing = await value('posts.create', { title: 'Mine' });
    api.ctx.db.prepare('UPDATE posts SET source_url = ? WHERE id = ?').run('https://blog.example/a-post/', existing.id);
    const s = await value('imports.run', { file: { path: write('a.xml', wxrDoc(wpComment(1))) } });
    expect(s.posts).toBe(1);
    expect(count('posts')).toBe(1);
    expect(rows()[0].post_id).toBe(existing.id);
  });

  it('links a thread ten replies deep, even when replies come before their parents', async () => {
    const chain = Array.from({ length: 11 }, (_, i) => wpComment(i + 1, { parent: i })).reverse().join('');
    await value('imports.run', { file: { path: write('deep.xml', wxrDoc(chain)) } });
    const all = rows();
    const bySource = new Map(all.map((r) => [r.source_id, r]));
    let depth = 0;
    for (let node = bySource.get('11'); node.parent_id; node = all.find((r) => r.id === node.parent_id)) depth++;
    expect(depth).toBe(10);
    expect(all.every((r) => JSON.parse(r.flags).length === 0)).toBe(true);
  });

  it('keeps a reply to a missing parent, flags it orphan and warns', async () => {
    const s = await value('imports.run', { file: { path: write('o.xml', wxrDoc(wpComment(1) + wpComment(2, { parent: 99 }))) } });
    expect(s.warnings).toEqual(["1 reply whose parent is not in the file or the database were kept and flagged 'orphan': 2 (parent 99)"]);
    expect(rows().map((r) => [r.source_id, r.parent_id, JSON.parse(r.flags)])).toEqual([['1', null, []], ['2', null, ['orphan']]]);
    const again = await value('imports.run', { file: { path: path.join(api.dir, 'o.xml') } });
    expect(again.comments.unchanged).toBe(2);
  });

  it('imports nothing when the file breaks halfway, and says where', async () => {
    const many = Array.from({ length: 50 }, (_, i) => wpComment(i + 1)).join('\n');
    const file = write('broken.xml', wxrDoc(many + '\n<wp:comment><wp:comment_id>51</wp:comment_id><bad attr=x/></wp:comment>'));
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('<bad attr')) + 1;
    const error = await failure('imports.run', { file: { path: file } });
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toMatch(new RegExp(`^broken\\.xml:${line}:\\d+: .*; nothing was imported$`));
    expect([count('comments'), count('posts'), count('import_runs')]).toEqual([0, 0, 0]);
  });

  it('refuses a billion laughs file fast and writes nothing', async () => {
    const lols = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)];
    const file = write('bomb.xml', `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${lols.join('\n')}\n]>\n<rss><channel><title>&lol9;</title></channel></rss>`);
    const error = await failure('imports.run', { file: { path: file } });
    expect(error.message).toMatch(/^bomb\.xml:\d+:\d+: entity "lol\d" expands to more than 4096 characters.*; nothing was imported$/);
    expect(count('posts')).toBe(0);
  });

  it('stores hostile comment HTML sanitized, with plain text for search', async () => {
    const evil = '<p onclick="x()">Nice<script>alert(1)</script> <a href="javascript:alert(2)">post</a> <a href="https://ok.example">link</a></p><img src=x onerror=alert(3)>';
    await value('imports.run', { file: { path: write('evil.xml', wxrDoc(wpComment(1, { content: evil }))) } });
    const [r] = rows();
    expect(r.body_html).toBe('<p>Nice <a rel="nofollow ugc noopener">post</a> <a href="https://ok.example" rel="nofollow ugc noopener">link</a></p>');
    expect(r.body_text).toBe('Nice post link');
  });

  it('keeps RTL, zero-width and emoji characters exactly', async () => {
    const text = 'مرحبا \u200f\u200bשלום 👩🏽‍⚕️ done';
    await value('imports.run', { file: { path: write('rtl.xml', wxrDoc(wpComment(1, { content: text, author: 'نور 🌟' }))) } });
    expect(rows().map((r) => [r.author_name, r.body_text])).toEqual([['نور 🌟', text]]);
  });

  it('calls an empty file empty and a binary one not text, whatever its name, before guessing a format', async () => {
    const empty = await failure('imports.inspect', { file: { path: write('empty.xml', '') } });
    expect(empty.message).toBe('empty.xml: the file is empty; there is nothing to import.');
    const blank = await failure('imports.preview', { file: { path: write('blank.xml', '\uFEFF  \n') } });
    expect(blank.message).toMatch(/^blank\.xml: the file is empty/);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x3c, 0x72]);
    const bin = await failure('imports.inspect', { file: { path: write('photo.xml', binary as unknown as string) } });
    expect(bin.message).toMatch(/^photo\.xml: this is not a text file \(it holds binary data\)/);
    const run = await failure('imports.run', { file: { path: write('photo2.xml', binary as unknown as string) }, format: 'wxr' });
    expect(run.message).toMatch(/^photo2\.xml: this is not a text file/);
    expect(count('comments') + count('posts')).toBe(0);
  });

  it('brings a CSV without a status column in as pending, and its preview says how many and why', async () => {
    const file = write('nostatus.csv', 'post,author,content\nhello-world,Ann,First\nhello-world,Bob,Second\n');
    const p = await value('imports.preview', { file: { path: file } });
    expect(p.comments.byStatus).toEqual({ approved: 0, pending: 2, spam: 0, trash: 0 });
    expect(p.defaultedStatus).toEqual([{ reason: 'no status column', status: 'pending', count: 2 }]);
    expect(defaultedStatusText(p.defaultedStatus[0], 'before')).toBe('no status column: 2 comments will be pending');
    const s = await value('imports.run', { file: { path: file } });
    expect(defaultedStatusText(s.defaultedStatus[0], 'after')).toBe('no status column: 2 comments are pending');
    expect(rows().map((r) => [r.author_name, r.status])).toEqual([['Ann', 'pending'], ['Bob', 'pending']]);
  });

  it('previews counts by post and status and the first comments without writing anything', async () => {
    const p = await value('imports.preview', { file: { path: path.join(SAMPLES, 'disqus-isso-sample.xml') } });
    // The sample's posts carry no isApproved: they wait for a decision, and the preview says why.
    expect(p.comments).toEqual({ imported: 6, updated: 0, unchanged: 0, byStatus: { approved: 0, pending: 5, spam: 0, trash: 1 } });
    expect(p.defaultedStatus).toEqual([{ reason: 'no isApproved in the Disqus export', status: 'pending', count: 5 }]);
    expect(p.byPost.map((x: any) => [x.title, x.isNew, x.byStatus.pending + x.byStatus.trash])).toEqual([
      ['Hello, World!', true, 4],
      ['Imported post 3', true, 0],
      ['Missing Disqus thread 1337', true, 1],
      ['http://localhost:4000/blog/2013/02/12/redacted/index.html', true, 1],
    ]);
    expect(p.firstComments[1]).toMatchObject({ sourceId: '5', author: 'user', text: 'Hello, World.', status: 'pending' });
    expect(p.warnings[0]).toMatch(/thread 1337, which is not in the file/);
    expect([count('comments'), count('posts')]).toEqual([0, 0]);
  });

  it('flags Disqus posts of a missing thread and keeps a reply to a deleted post threaded', async () => {
    await value('imports.run', { file: { path: path.join(SAMPLES, 'disqus-isso-sample.xml') } });
    const all = rows();
    const six = all.find((r) => r.source_id === '6');
    expect(JSON.parse(six.flags)).toEqual(['thread-missing']);
    const eleven = all.find((r) => r.source_id === '11');
    expect(eleven.parent_id).toBe(all.find((r) => r.source_id === '9').id);
  });

  it('puts copied page text onto the chosen draft as five approved comments', async () => {
    const draft = await value('posts.create', { title: 'Why is medical leadership important' });
    const file = { path: DEMO_PAGE_FILE };
    const refused = await failure('imports.run', { file });
    expect(refused.message).toMatch(/^guest-blog-page\.txt:34:1: this page text file does not say which post.*; nothing was imported$/);
    const s = await value('imports.run', { file, postSlug: draft.slug });
    expect(s).toMatchObject({ format: 'text', posts: 1, comments: { imported: 5, byStatus: { approved: 5 } } });
    const list = listCommentsOfPost(api.ctx.db, draft.id);
    expect(list.map((c) => c.author.name)).toEqual(['Jeremy Butler', 'Adrian Hayter', 'Pearl Baker', 'Alistair Hellewell', 'Dr Julie Barker']);
    expect(list[1].html).toContain('Docume...<br>He describes');
  });

  it('imports CSV with a chosen column mapping onto a post', async () => {
    const draft = await value('posts.create', { title: 'Draft' });
    const file = { path: write('c.csv', 'who,said,when\r\nAnn,"Hello, ""world""",25/12/2023\r\n') };
    const info = await value('imports.inspect', { file });
    expect(info).toMatchObject({ format: 'csv', needsPost: true, csv: { headers: ['who', 'said', 'when'], mapping: {} } });
    const s = await value('imports.run', { file, postSlug: draft.slug, csv: { columns: { author: 'who', content: 'said', date: 'when' } } });
    expect(s.comments.imported).toBe(1);
    expect(rows().map((r) => [r.author_name, r.body_text, r.posted_at])).toEqual([['Ann', 'Hello, "world"', '2023-12-25T00:00:00.000Z']]);
  });

  it('names an uploaded file by the name it was uploaded with when inspecting it fails', async () => {
    // As the upload route stores it: the bytes under an id, the original name beside them.
    const uploadId = '01900000-0000-7000-8000-00000000c5f0';
    fs.mkdirSync(uploadsDir(api.ctx), { recursive: true });
    const stored = path.join(uploadsDir(api.ctx), uploadId);
    // A bad byte in the header line is reported by file, line and column.
    fs.writeFileSync(stored, Buffer.concat([Buffer.from('auth'), Buffer.from([0xe9]), Buffer.from('r,content\r\nAnn,hi\r\n')]));
    fs.writeFileSync(`${stored}.json`, JSON.stringify({ fileName: 'reader comments.csv', size: fs.statSync(stored).size }));
    const refused = await failure('imports.inspect', { file: { uploadId } });
    expect(refused.message).toMatch(/^reader comments\.csv:1:5: invalid UTF-8/);
  });

  it('runs a job with progress, and a cancel leaves the database unchanged', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => wpComment(i + 1, { content: 'x'.repeat(500) })).join('\n');
    const file = { path: write('big.xml', wxrDoc(many)) };
    const cancelled = await value('imports.start', { file });
    await value('imports.cancel', { jobId: cancelled.jobId });
    const end = await waitForJob(api.ctx, cancelled.jobId);
    expect(end).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect([count('comments'), count('posts')]).toEqual([0, 0]);

    // Cancel halfway: rows already written inside the transaction are rolled back too.
    const midway = await value('imports.start', { file });
    let seen = midway;
    while (seen.state === 'running' && seen.progress.comments === 0) {
      await new Promise((r) => setImmediate(r));
      seen = await value('imports.progress', { jobId: midway.jobId });
    }
    expect(seen).toMatchObject({ state: 'running' });
    expect(seen.progress.comments).toBeGreaterThan(0);
    expect(seen.progress.comments).toBeLessThan(3000);
    await value('imports.cancel', { jobId: midway.jobId });
    expect((await waitForJob(api.ctx, midway.jobId)).state).toBe('cancelled');
    expect([count('comments'), count('posts')]).toEqual([0, 0]);

    const job = await value('imports.start', { file });
    const done = await waitForJob(api.ctx, job.jobId);
    expect(done.state).toBe('done');
    expect(done.summary?.comments.imported).toBe(3000);
    expect(done.progress.bytesRead).toBe(fs.statSync(file.path).size);
    expect((await value('imports.progress', { jobId: job.jobId })).state).toBe('done');
  });

  it('refuses a path from a browser-mode page', async () => {
    const browser = createDispatch(importsHandlers as Handlers<Ctx>, { ...api.ctx, mode: 'browser' });
    const r = await browser('imports.preview', { file: { path: path.join(SAMPLES, 'wxr-isso-sample.xml') } });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
