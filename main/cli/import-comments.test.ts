import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createPost } from '../../db/repos/posts';
import { DEMO_PAGE_FILE } from '../demo/paths';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(ROOT, 'e2e/samples');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-import-cli-'));
const db = path.join(dir, 'w.sqlite');
const workbench = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8' });
const json = (...args: string[]) => {
  const r = workbench(...args, '--json');
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const snapshot = () => {
  const store = openDatabase(db);
  try {
    return store.prepare('SELECT (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM posts) AS posts, (SELECT group_concat(updated_at) FROM comments) AS stamps').get();
  } finally {
    store.close();
  }
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('workbench import-comments / comments / posts', () => {
  it('imports WXR, prints the summary object, and a second run finds everything unchanged', () => {
    const first = json('import-comments', path.join(SAMPLES, 'wxr-isso-sample.xml'));
    expect(first).toEqual({ format: 'wxr', posts: 2, comments: { imported: 8, updated: 0, unchanged: 0, byStatus: { approved: 8, pending: 0, spam: 0, trash: 0 } }, defaultedStatus: [], warnings: [] });
    expect(json('import-comments', path.join(SAMPLES, 'wxr-isso-sample.xml'), '--format', 'wxr').comments).toMatchObject({ imported: 0, updated: 0, unchanged: 8 });
    const posts = json('posts');
    expect(posts.map((p: { slug: string }) => p.slug).sort()).toEqual(['test', 'untitled']);
  });

  it('lists comments as JSON that re-imports unchanged', () => {
    const list = json('comments', '--post', 'test');
    expect(list).toHaveLength(7);
    expect(Object.keys(list[0])).toEqual(expect.arrayContaining(['id', 'sourceId', 'parentId', 'author', 'postedAt', 'status', 'type', 'text', 'html', 'flags']));
    const reply = list.find((c: { sourceId: string }) => c.sourceId === '8');
    expect(reply.parentId).toBe(list.find((c: { sourceId: string }) => c.sourceId === '7').id);
    const file = path.join(dir, 'export.json');
    fs.writeFileSync(file, JSON.stringify(list));
    expect(json('import-comments', file).comments).toMatchObject({ imported: 0, updated: 0, unchanged: 7 });
    expect(json('comments', '--post', 'test', '--status', 'spam')).toEqual([]);
  });

  it('attaches copied page text to the post named by --post', () => {
    const store = openDatabase(db);
    createPost(store, { title: 'Medical leadership', slug: 'medical-leadership' });
    store.close();
    const s = json('import-comments', DEMO_PAGE_FILE, '--post', 'medical-leadership');
    expect(s).toMatchObject({ format: 'text', posts: 1, comments: { imported: 5, byStatus: { approved: 5 } } });
    const names = json('comments', '--post', 'medical-leadership').map((c: { author: { name: string; role: string } }) => `${c.author.name} / ${c.author.role}`);
    expect(names).toEqual(['Jeremy Butler / Public Governor', 'Adrian Hayter / Clinical Chair', 'Pearl Baker / Independent Mental Health Advocate and Advisor/Carer', 'Alistair Hellewell / Consultant Anaesthetist', 'Dr Julie Barker / GP, EOL Lead, Macmillan GP']);
  });

  it('finds the comments a draft import took from the same page unchanged', () => {
    const draft = json('import-draft', DEMO_PAGE_FILE);
    const s = json('import-comments', DEMO_PAGE_FILE, '--post', draft.slug);
    expect(s.comments).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
  });

  it('refuses a malformed file with exit status 2, file:line:column, and an unchanged database', () => {
    const before = snapshot();
    const file = path.join(dir, 'broken.xml');
    fs.writeFileSync(file, '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n<item><title>New</title><wp:post_type>post</wp:post_type>\n<wp:comment><wp:comment_id>1</wp:comment_id></wp:comment>\n<wp:comment><wp:comment_id>2</wp:comment_id>\n</item></channel></rss>\n');
    const r = workbench('import-comments', file, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.xml:6:\d+: .*; nothing was imported/);
    expect(r.stdout).toBe('');
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown --post with exit status 2 and a bad --format as a usage error', () => {
    expect(workbench('import-comments', DEMO_PAGE_FILE, '--post', 'no-such-post').status).toBe(2);
    expect(workbench('import-comments', DEMO_PAGE_FILE, '--format', 'docx').status).toBe(1);
  });
});
