import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportDraftResult } from '../../common/api/posts';
import type { Comment } from '../../common/domain';
import { build } from '../../common/editor/serialized';
import { buildDocx } from './testing/docx';
import { DEMO_PAGE_FILE } from '../demo/paths';
import { useApiHarness } from '../testing/api-harness';

const api = useApiHarness('wb-draft-import-');

const FIXTURE = DEMO_PAGE_FILE;
const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const ok = api.value;
function importBytes(fileName: string, data: Buffer | string) {
  return ok<ImportDraftResult>('posts.import', { fileName, dataBase64: Buffer.from(data).toString('base64') });
}
function blocks(r: ImportDraftResult) {
  return r.post.body.root.children as { type: string; tag?: string; children?: { text?: string }[] }[];
}
const textOf = (b: { children?: { text?: string }[] }) => (b.children ?? []).map((c) => c.text ?? '').join('');

describe('importing the copied guest blog page', () => {
  it('gives the right title, label, standfirst and body paragraphs, without the newsletter box, and imports the 5 comments', async () => {
    const r = await ok<ImportDraftResult>('posts.import', { path: FIXTURE });
    expect(r.format).toBe('page-text');
    expect(r.post.title).toBe('Why is medical leadership important in the health service?');
    expect(r.post.label).toBe('Guest blog');
    expect(r.post.standfirst).toMatch(/^The King’s Fund works with clinical leaders at all stages/);
    expect(r.post.standfirst).toContain('This is the third in a series of guest blogs');
    const body = blocks(r);
    expect(body.map((b) => b.type)).toEqual(Array(11).fill('paragraph'));
    expect(textOf(body[0])).toMatch(/^I have been a consultant physician/);
    expect(textOf(body[10])).toMatch(/^Is there is a role for Health Education England/);
    const all = body.map(textOf).join('\n');
    expect(all).not.toMatch(/Keep up to date|Subscribe to our email newsletters|Jeremy Butler|Add new comment/);
    expect(r.warnings.join(' ')).toContain('newsletter box');
    expect(r.comments).toBe(5);
    expect(r.post.commentCount).toBe(5);
    const rows = api.ctx.db.prepare("SELECT source, source_id, author_name, author_role, author_organisation, status FROM comments WHERE post_id = ? ORDER BY source_id").all(r.post.id);
    expect(rows).toEqual([
      { source: 'page', source_id: '545717', author_name: 'Jeremy Butler', author_role: 'Public Governor', author_organisation: 'Royal Berkshire NHS Foundation Trust', status: 'approved' },
      expect.objectContaining({ source_id: '545723', author_name: 'Adrian Hayter' }),
      expect.objectContaining({ source_id: '545725', author_name: 'Pearl Baker', author_role: 'Independent Mental Health Advocate and Advisor/Carer', author_organisation: '' }),
      expect.objectContaining({ source_id: '545756', author_name: 'Alistair Hellewell' }),
      expect.objectContaining({ source_id: '545757', author_name: 'Dr Julie Barker' }),
    ]);
  });

  it('keeps the first revision as imported', async () => {
    const r = await ok<ImportDraftResult>('posts.import', { path: FIXTURE });
    const revs = await ok<{ reason: string; wordCount: number }[]>('revisions.list', { postId: r.post.id });
    expect(revs).toHaveLength(1);
    expect(revs[0].reason).toBe('imported from guest-blog-page.txt');
    expect(revs[0].wordCount).toBe(r.words);
  });
});

describe('importing Markdown', () => {
  it('takes the title from the first heading and keeps headings, emphasis, links, lists, quotes, rules and code', async () => {
    const md = `# My guest post

Intro with **bold**, *italic*, ~~gone~~, \`code\` and [a link](https://example.org/a).

## Section

- one
- two
  - nested

1. first
2. second

> Quoted words

---

[bad](javascript:alert(1)) <script>alert(1)</script>
`;
    const r = await importBytes('post.md', md);
    expect(r.format).toBe('markdown');
    expect(r.post.title).toBe('My guest post');
    const body = blocks(r);
    expect(body.map((b) => (b.type === 'heading' ? b.tag : b.type))).toEqual(['paragraph', 'h2', 'list', 'list', 'quote', 'horizontalrule', 'paragraph']);
    expect(body[0]).toEqual(
      build.paragraph([
        build.text('Intro with '),
        build.text('bold', ['bold']),
        build.text(', '),
        build.text('italic', ['italic']),
        build.text(', '),
        build.text('gone', ['strikethrough']),
        build.text(', '),
        build.text('code', ['code']),
        build.text(' and '),
        build.link('https://example.org/a', [build.text('a link')]),
        build.text('.'),
      ]),
    );
    expect(JSON.stringify(body[2])).toContain('nested');
    expect(JSON.stringify(r.post.body)).not.toMatch(/javascript:|<script|alert\(1\)<\/script>/);
  });
});

describe('importing plain text and HTML', () => {
  it('splits plain text into paragraphs on blank lines, the first short line being the title', async () => {
    const r = await importBytes('notes.txt', 'A title\n\nFirst paragraph,\nsecond line.\n\n\nSecond paragraph.\n');
    expect(r.format).toBe('text');
    expect(r.post.title).toBe('A title');
    expect(r.post.body.root.children).toEqual([
      build.paragraph([build.text('First paragraph,'), build.lineBreak(), build.text('second line.')]),
      build.paragraph([build.text('Second paragraph.')]),
    ]);
  });

  it('reads an HTML page: the h1 is the title, .standfirst the standfirst, scripts are dropped', async () => {
    const html = '<!doctype html><html><head><title>Ignored</title><script>x()</script></head><body><h1>Real title</h1><p class="standfirst">Lead text</p><p>Body <a href="https://x.org">link</a></p><h3>Sub</h3></body></html>';
    const r = await importBytes('page.html', html);
    expect(r.post.title).toBe('Real title');
    expect(r.post.standfirst).toBe('Lead text');
    expect(blocks(r).map((b) => b.type)).toEqual(['paragraph', 'heading']);
  });

  it('refuses an empty file, a binary file and bad UTF-8, saying where, and creates nothing', async () => {
    const bad = [
      await api.call('posts.import', { fileName: 'empty.txt', dataBase64: '' }),
      await api.call('posts.import', { fileName: 'x.txt', dataBase64: Buffer.from([1, 0, 2]).toString('base64') }),
      await api.call('posts.import', { fileName: 'latin.txt', dataBase64: Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x21]).toString('base64') }),
      await api.call('posts.import', { fileName: 'fake.docx', dataBase64: Buffer.from('PK\u0003\u0004not a zip').toString('base64') }),
    ];
    expect(bad.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_INPUT', 'IMPORT_FAILED', 'IMPORT_FAILED', 'IMPORT_FAILED']);
    expect(!bad[2].ok && bad[2].error.message).toMatch(/^latin\.txt:2:2: not valid UTF-8/);
    expect(!bad[3].ok && bad[3].error.message).toMatch(/fake\.docx: could not read the Word document/);
    expect(api.ctx.db.prepare('SELECT count(*) AS n FROM posts').get()).toEqual({ n: 0 });
  });
});

describe('importing Word documents', () => {
  it('maps the Title style to the title, Subtitle to the standfirst, headings, emphasis, links and footnotes', async () => {
    const docx = buildDocx([
      { style: 'Title', runs: ['Guest post from Word'] },
      { style: 'Subtitle', runs: ['A short standfirst.'] },
      { runs: ['Plain, ', { text: 'bold', bold: true }, ' and ', { text: 'italic', italic: true }, ' and ', { text: 'under', underline: true }, '.'] },
      { style: 'Heading1', runs: ['A heading'] },
      { runs: ['See ', { text: 'our site', link: 'https://example.org/site' }, { text: ' here', footnote: 'The source, 2024.' }] },
      { style: 'Quote', runs: ['Quoted'] },
    ]);
    const r = await importBytes('guest.docx', docx);
    expect(r.format).toBe('docx');
    expect(r.post.title).toBe('Guest post from Word');
    expect(r.post.standfirst).toBe('A short standfirst.');
    expect(r.post.body.root.children).toEqual([
      build.paragraph([build.text('Plain, '), build.text('bold', ['bold']), build.text(' and '), build.text('italic', ['italic']), build.text(' and '), build.text('under', ['underline']), build.text('.')]),
      build.heading('h2', [build.text('A heading')]),
      build.paragraph([build.text('See '), build.link('https://example.org/site', [build.text('our site')]), build.text(' here'), build.footnote('The source, 2024.')]),
      build.quote([build.text('Quoted')]),
    ]);
    expect(r.words).toBe(13);
  });

  it('stores an embedded picture as an asset of the new draft', async () => {
    const r = await importBytes('pic.html', `<p>Before</p><figure><img src="data:image/png;base64,${PNG_BYTES.toString('base64')}" alt="A dot"><figcaption>Cap</figcaption></figure>`);
    const img = r.post.body.root.children[1] as { type: string; src: string; altText: string; caption: string };
    expect(img.type).toBe('image');
    expect(img.src).toMatch(/^asset:/);
    expect([img.altText, img.caption]).toEqual(['A dot', 'Cap']);
    const assets = await ok<{ id: string; mime: string }[]>('drafts.listAssets', { postId: r.post.id });
    expect(assets.map((a) => [`asset:${a.id}`, a.mime])).toEqual([[img.src, 'image/png']]);
  });
});

describe('workbench comments of an imported page', () => {
  it('are approved page comments whose HTML is escaped text', async () => {
    const page = 'Title\n\nLabel\n\nStandfirst text here.\n\nBody one.\n\nBody two.\n\n#1 Mallory\n\n<script>alert(1)</script> & more\n\nAdd new comment\n';
    const r = await importBytes('page.txt', page);
    expect(r.comments).toBe(1);
    const row = api.ctx.db.prepare('SELECT body_html, status FROM comments WHERE post_id = ?').get(r.post.id) as Pick<Comment, 'status'> & { body_html: string };
    expect(row).toEqual({ body_html: '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>', status: 'approved' });
  });
});

describe('a title longer than a post holds', () => {
  // 12,000 characters, the length a new user pasted; words, so the cut lands inside one.
  const LONG = Array.from({ length: 1400 }, (_, i) => `word${String(i).padStart(4, '0')}`).join(' ').slice(0, 12_000);
  const said = (r: ImportDraftResult) => r.warnings.find((w) => w.startsWith('The title was cut to 300 characters'));

  it.each([
    ['Markdown heading', 'long.md', `# ${LONG}\n\nThe text.\n`],
    ['Markdown front matter', 'front.md', `---\ntitle: ${LONG}\n---\nThe text.\n`],
    ['HTML h1', 'long.html', `<!doctype html><title>t</title><h1>${LONG}</h1><p>The text.</p>`],
    ['Word Title style', 'long.docx', null],
  ])('a %s is cut to 300 characters, and the import says so', async (_what, fileName, source) => {
    const data = source ?? buildDocx([{ style: 'Title', runs: [LONG] }, { runs: ['The text.'] }]);
    const r = await importBytes(fileName, data);
    expect(r.post.title).toBe(LONG.slice(0, 300));
    expect(said(r)).toBe(`The title was cut to 300 characters, the most a title can hold (the file's title has 12,000); it now ends "…${LONG.slice(260, 300)}".`);
  });

  it('a title that fits brings no such warning', async () => {
    const r = await importBytes('short.md', '# A fitting title\n\nThe text.\n');
    expect(r.post.title).toBe('A fitting title');
    expect(said(r)).toBeUndefined();
  });
});
