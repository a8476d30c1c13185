import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml } from './xml-reader';
import { parseWxr } from './wxr';
import { parseDisqus } from './disqus';
import { chunked, collect, SAMPLES } from './testing';

const wxr = (body: string, ns = 'http://wordpress.org/export/1.2/', prefix = 'wp') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:${prefix}="${ns}">
<channel>
<item><title>Post</title><link>https://blog.example/post/</link><${prefix}:post_id>5</${prefix}:post_id><${prefix}:post_name>post</${prefix}:post_name><${prefix}:post_type>post</${prefix}:post_type>
${body.replace(/wp:/g, `${prefix}:`)}
</item></channel></rss>`;

const comment = (id: number, extra = '') => `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A${id}</wp:comment_author>${extra}</wp:comment>`;

describe('streaming XML reader', () => {
  it('reports malformed XML with the exact line and column', async () => {
    const text = '<root>\n  <a>one</a>\n  <b attr=value/>\n</root>';
    await expect(readXml(chunked(text, 5), 'broken.xml', {})).rejects.toThrow(/^broken\.xml:3:11: /);
  });

  it('reports a missing closing tag at the end of the file', async () => {
    await expect(readXml(chunked('<root>\n<a>x</a>\n', 3), 'cut.xml', {})).rejects.toThrow(/^cut\.xml:3:1: unclosed tag: root/);
  });

  it('fails fast on a billion laughs entity bomb', async () => {
    const lols = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lols.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lols.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
    const t = Date.now();
    await expect(readXml(chunked(bomb, 64), 'bomb.xml', {})).rejects.toThrow(/^bomb\.xml:\d+:\d+: entity "lol\d" expands to more than 4096 characters/);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('counts every reference against the expansion budget', async () => {
    const refs = '&big;'.repeat(400);
    const doc = `<!DOCTYPE r [<!ENTITY big "${'x'.repeat(4000)}">]><r>${refs}</r>`;
    await expect(readXml(chunked(doc, 1000), 'many.xml', {})).rejects.toThrow(/many\.xml:1:\d+: entity expansion exceeds 1000000 characters/);
  });

  it('refuses external entities without fetching them', async () => {
    const doc = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<r>&xxe;</r>';
    await expect(readXml(chunked(doc), 'xxe.xml', {})).rejects.toThrow(/^xxe\.xml:\d+:\d+: external entity "xxe" \(SYSTEM\) is not allowed/);
  });

  it('reads a byte order mark and the HTML entities old exporters leave in titles', async () => {
    const texts: string[] = [];
    await readXml(chunked('\uFEFF<?xml version="1.0"?><r><a>Caf&eacute; &amp; more&hellip;</a></r>'), 'b.xml', { close: (el, text) => el.local === 'a' && texts.push(text) });
    expect(texts).toEqual(['Café & more…']);
  });

  it('expands a small internal entity', async () => {
    const texts: string[] = [];
    await readXml(chunked('<!DOCTYPE r [<!ENTITY org "The Fund">]><r><a>&org; &amp; co</a></r>'), 'e.xml', { close: (el, text) => el.local === 'a' && texts.push(text) });
    expect(texts).toEqual(['The Fund & co']);
  });
});

describe('WordPress WXR', () => {
  it('reads the fixture: one post with seven comments, threading by parent id, plus the ?p=4 item', async () => {
    const { posts, comments, warnings } = await collect(parseWxr, fs.readFileSync(path.join(SAMPLES, 'wxr-isso-sample.xml'), 'utf8'), {}, 100);
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.key, p.title, p.slug, p.link])).toEqual([
      ['18', 'Hello, World…', 'test', 'http://example.tld/2014/test/'],
      ['http://example.tld/?p=4', '...', '', 'http://example.tld/?p=4'],
    ]);
    expect(comments).toHaveLength(8);
    expect(comments.map((c) => [c.sourceId, c.parentSourceId])).toEqual([['2', null], ['6', null], ['7', '6'], ['8', '7'], ['9', '7'], ['10', null], ['11', null], ['11', null]]);
    expect(comments[0]).toMatchObject({ author: { name: 'Ohai', email: 'test@example.org', url: 'http://example.tld/' }, body: 'Erster!1', status: 'approved', type: 'comment', postedAt: '2014-01-14T17:32:12.000Z' });
    expect(comments[5].body).toBe('When you have a comment with multiple lines:\nWordPress exports it like this.');
    expect(comments[5].postedAt).toBe('2022-06-06T02:13:14.000Z');
  });

  it('finds the export namespace by its binding: https, version 1.1, any prefix', async () => {
    for (const [ns, prefix] of [['https://wordpress.org/export/1.2/', 'wp'], ['http://wordpress.org/export/1.1/', 'wordpress'], ['http://wordpress.org/export/1.0/', 'x']]) {
      const { comments } = await collect(parseWxr, wxr(comment(1) + comment(2), ns, prefix));
      expect(comments.map((c) => c.author.name), `${ns} as ${prefix}`).toEqual(['A1', 'A2']);
    }
  });

  it('reads a CDATA section split as ]]]]><![CDATA[> and several sections in one element', async () => {
    const body = '<wp:comment_content><![CDATA[a ]]]]><![CDATA[> b]]><![CDATA[ and c]]></wp:comment_content>';
    const { comments } = await collect(parseWxr, wxr(comment(1, body)), {}, 3);
    expect(comments[0].body).toBe('a ]]> b and c');
  });

  it('maps comment_approved and comment_type as WordPress means them', async () => {
    const cases = [['1', 'approved'], ['0', 'pending'], ['', 'pending'], ['spam', 'spam'], ['trash', 'trash'], ['post-trashed', 'trash']];
    const items = cases.map(([v], i) => comment(i + 1, `<wp:comment_approved>${v}</wp:comment_approved>`)).join('');
    const typed = comment(20, '<wp:comment_type>pingback</wp:comment_type>') + comment(21, '<wp:comment_type>trackback</wp:comment_type>') + comment(22, '<wp:comment_approved>maybe</wp:comment_approved>');
    const { comments, warnings } = await collect(parseWxr, wxr(items + typed));
    expect(comments.slice(0, 6).map((c) => c.status)).toEqual(cases.map(([, s]) => s));
    expect(comments.slice(6, 8).map((c) => c.type)).toEqual(['pingback', 'trackback']);
    expect(comments[8]).toMatchObject({ status: 'pending', flags: ['unknown-status'] });
    expect(warnings).toEqual([expect.stringMatching(/^in\.xml:\d+: comment 22 has the unknown status "maybe"; imported as pending$/)]);
  });

  it('reports an unbound prefix with its position', async () => {
    await expect(collect(parseWxr, '<rss>\n<channel><wp:comment/></channel></rss>', { fileName: 'x.xml' })).rejects.toThrow(/^x\.xml:2:\d+: /);
  });
});

describe('Disqus XML', () => {
  it('reads the fixture: threads as posts, spam/deleted as status, no approval as pending, a missing thread kept and flagged', async () => {
    const { posts, comments, warnings } = await collect(parseDisqus, fs.readFileSync(path.join(SAMPLES, 'disqus-isso-sample.xml'), 'utf8'), { fileName: 'd.xml' }, 50);
    expect(posts.map((p) => p.key)).toEqual(['2', '3', '1337', '7']);
    expect(posts[0]).toMatchObject({ title: 'Hello, World!', link: 'http://example.org/', publishedAt: '2012-12-12T12:12:12.000Z' });
    expect(comments.map((c) => [c.sourceId, c.postKey, c.parentSourceId, c.status])).toEqual([
      ['4', '2', null, 'pending'],
      ['5', '2', '4', 'pending'],
      ['6', '1337', null, 'pending'],
      ['8', '7', null, 'pending'],
      ['9', '2', null, 'trash'],
      ['11', '2', '9', 'pending'],
    ]);
    expect(comments.map((c) => c.statusDefaulted)).toEqual(['no isApproved in the Disqus export', 'no isApproved in the Disqus export', 'no isApproved in the Disqus export', 'no isApproved in the Disqus export', undefined, 'no isApproved in the Disqus export']);
    expect(comments[2].flags).toEqual(['thread-missing']);
    expect(comments[1]).toMatchObject({ body: '<p>Hello, World.</p>', author: { name: 'user', email: 'foo@bar.com' } });
    expect(warnings).toEqual([expect.stringMatching(/^d\.xml:66: post 6 belongs to thread 1337, which is not in the file/)]);
  });

  it('approves a post only where isApproved says so', async () => {
    const post = (id: number, approved: string) => `<post dsq:id="${id}"><message>m</message>${approved}<thread dsq:id="1"/></post>`;
    const doc = `<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>T</title></thread>${post(2, '<isApproved>true</isApproved>')}${post(3, '<isApproved>false</isApproved>')}${post(4, '')}</disqus>`;
    const { comments } = await collect(parseDisqus, doc);
    expect(comments.map((c) => [c.status, c.statusDefaulted])).toEqual([['approved', undefined], ['pending', undefined], ['pending', 'no isApproved in the Disqus export']]);
  });

  it('marks isSpam true as spam', async () => {
    const doc = '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><title>T</title></thread><post dsq:id="2"><message>buy</message><isSpam>true</isSpam><isDeleted>true</isDeleted><thread dsq:id="1"/></post></disqus>';
    const { comments } = await collect(parseDisqus, doc);
    expect(comments[0].status).toBe('spam');
  });
});
