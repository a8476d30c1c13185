/**
 * The hostile corpus through export: comment bodies stored in the database (as if an importer had
 * let them through) come out of publish.page with nothing active left and their words kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeCommentHtml } from '../../common/publish/sanitize';
import { uuidv7 } from '../../common/ids';
import { closeContext, createContext, type Ctx } from '../context';
import { createDispatch, type Dispatch } from '../dispatch';
import { handlers } from '../handlers/index';
import { findActiveContent, visibleText } from './active-content';
import { HOSTILE_CORPUS } from './hostile-corpus';

describe('the active-content check itself', () => {
  it('finds something active in every raw sample that has a payload', () => {
    // Four samples are inert to a real HTML parser: they target naive filters (a split tag; a <frame>
    // outside any <frameset>, which parsers drop; markup after <plaintext>, which parsers read as
    // text) or are only a nuisance (target).
    const inert = new Set(['target blank opener', 'split script tag', 'lone frame', 'plaintext swallows the rest']);
    const missed = HOSTILE_CORPUS.filter((s) => !inert.has(s.name) && findActiveContent(s.html).length === 0).map((s) => s.name);
    expect(missed).toEqual([]);
  });

  it('finds nothing in plain, safe comment markup', () => {
    expect(findActiveContent('<p>Fine <strong>words</strong> and <a href="https://example.org/">a link</a></p><ul><li>one</li></ul>')).toEqual([]);
  });
});

describe('publish sanitizer', () => {
  it.each(HOSTILE_CORPUS.map((s) => [`${s.family}: ${s.name}`, s]))('leaves nothing active in %s', (_label, sample) => {
    const out = sanitizeCommentHtml(sample.html);
    expect(findActiveContent(out)).toEqual([]);
    if (sample.keep) expect(visibleText(out)).toContain(sample.keep);
  });
});

describe('publish.page with hostile approved comments', () => {
  let dir: string;
  let ctx: Ctx;
  let call: Dispatch;
  let postId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-hostile-export-'));
    ctx = createContext({ dbPath: path.join(dir, 'workbench.sqlite'), mode: 'cli' });
    call = createDispatch(handlers, ctx, { checkOutput: true });
    const created = await call('posts.create', { title: 'A post with dangerous readers', status: 'published', acceptWarnings: true });
    if (!created.ok) throw new Error(created.error.message);
    postId = (created.value as { id: string }).id;
    const insert = ctx.db.prepare(
      `INSERT INTO comments (id, created_at, updated_at, post_id, source, source_id, author_name, author_url, posted_at, body_html, body_text, status)
       VALUES (?, ?, ?, ?, 'test', ?, ?, ?, ?, ?, ?, 'approved')`,
    );
    const now = new Date().toISOString();
    ctx.db.transaction(() => {
      HOSTILE_CORPUS.forEach((s, i) => insert.run(uuidv7(), now, now, postId, String(i), `Reader ${i}`, '', now, s.html, s.keep));
      insert.run(uuidv7(), now, now, postId, 'author', `<img src=x onerror="window.__pwned=1">Mallory`, 'javascript:alert(1)', now, '<p>Author</p>', 'Author');
    })();
  });

  afterAll(() => {
    closeContext(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a page whose comment bodies, names and links carry nothing active', async () => {
    const r = await call('publish.page', { post: { id: postId }, withComments: true });
    if (!r.ok) throw new Error(r.error.message);
    const html = (r.value as { html: string }).html;
    const doc = new JSDOM(html).window.document;
    // The only script element is JSON-LD data, which browsers never run, and it must parse as JSON.
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts.filter((el) => el.getAttribute('type') !== 'application/ld+json')).toEqual([]);
    for (const el of scripts) expect(() => JSON.parse(el.textContent ?? '')).not.toThrow();
    expect(Array.from(doc.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name))).toEqual([]);
    expect(Array.from(doc.querySelectorAll('[href],[src]')).map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '').filter((u) => /^\s*(javascript|vbscript|data):/i.test(u))).toEqual([]);
    const bodies = Array.from(doc.querySelectorAll('.comment-body'));
    expect(bodies.length).toBe(HOSTILE_CORPUS.length + 1);
    for (const body of bodies) expect(findActiveContent(body.innerHTML)).toEqual([]);
    const authors = Array.from(doc.querySelectorAll('.comment-author'));
    for (const a of authors) expect(findActiveContent(a.innerHTML)).toEqual([]);
    expect(doc.querySelector('.comments')?.textContent).toContain('Mallory');
    for (const s of HOSTILE_CORPUS.filter((x) => x.keep)) expect(doc.querySelector('.comments')?.textContent, s.name).toContain(s.keep);
  });
});
