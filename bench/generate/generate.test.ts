import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { editorStateText } from '../../common/editor/state-text';
import { countWords } from '../../common/text';
import { generateCommentedPosts, MAX_DEPTH } from './comments';
import { stored } from './dataset';
import { END_MARKER, generateDraft } from './draft';
import { mulberry32 } from './prng';
import { writeWxr } from './wxr';

describe('bench data generator', () => {
  it('builds the same draft from the same seed and a different one from another seed', () => {
    const a = JSON.stringify(generateDraft(mulberry32(1), { words: 2000, blocks: 60 }));
    expect(JSON.stringify(generateDraft(mulberry32(1), { words: 2000, blocks: 60 }))).toBe(a);
    expect(JSON.stringify(generateDraft(mulberry32(2), { words: 2000, blocks: 60 }))).not.toBe(a);
  });

  it('gives a draft exactly the words and blocks asked for, with every block kind and the end marker last', () => {
    const state = generateDraft(mulberry32(7), { words: 36_000, blocks: 1_000 });
    expect(state.root.children).toHaveLength(1_000);
    const text = editorStateText(stored(state));
    expect(countWords(text)).toBe(36_000);
    expect(text.trimEnd().endsWith(`${END_MARKER}.`)).toBe(true);
    const kinds = new Set(state.root.children.map((b) => b.type));
    for (const k of ['paragraph', 'heading', 'list', 'quote', 'pullquote', 'image', 'horizontalrule']) expect(kinds).toContain(k);
    const json = JSON.stringify(state);
    for (const inline of ['"type":"link"', '"format":1,', '"format":2,', '"type":"footnote"']) expect(json).toContain(inline);
  });

  it('threads comments up to 10 deep, replies only to earlier comments of the same post, and uses every status', () => {
    const posts = [...generateCommentedPosts({ posts: 4, comments: 2_000, seed: 3 })];
    const all = posts.flatMap((p) => p.comments);
    expect(all).toHaveLength(2_000);
    expect(Math.max(...all.map((c) => c.depth))).toBe(MAX_DEPTH);
    for (const p of posts) {
      const seen = new Set<number>();
      for (const c of p.comments) {
        if (c.parent) expect(seen.has(c.parent)).toBe(true);
        seen.add(c.id);
      }
    }
    expect(new Set(all.map((c) => c.approvedRaw))).toEqual(new Set(['1', '0', '', 'spam', 'trash', 'post-trashed']));
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(['comment', 'pingback', 'trackback']));
  });

  it('writes a well-formed WXR 1.2 file holding every generated comment', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-wxr-')), 'c.wxr');
    const stats = writeWxr(file, { posts: 3, comments: 300, seed: 5 });
    let comments = 0;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (t) => {
      if (t.local === 'comment' && t.uri === 'http://wordpress.org/export/1.2/') comments++;
    });
    parser.write(fs.readFileSync(file, 'utf8')).close();
    expect(comments).toBe(300);
    expect(stats).toMatchObject({ posts: 3, comments: 300, maxDepth: MAX_DEPTH });
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
