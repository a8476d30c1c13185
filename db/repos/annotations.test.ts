import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { createPost } from './posts';
import { seedComments } from './testing/seed-comments';
import { createAnnotation, deleteAnnotation, listAnnotations, reanchor, updateAnnotation } from './annotations';
import { createTag, deleteTag, listTags, updateTag } from './tags';
import { annotationReport, csvCell } from './annotation-report';
import { getReply, saveReply } from './replies';

let dir: string;
let db: DB;
let post: string;
let comment: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-annot-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
  post = createPost(db, { title: 'Safer wards' }).id;
  [comment] = seedComments(db, [{ postId: post, authorName: 'Amira', text: 'We saw "near misses", every week, on nights.' }]);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('annotations', () => {
  it('anchors a span by offsets and quote, and re-finds the quote when the comment text changes', () => {
    const a = createAnnotation(db, { commentId: comment, start: 7, end: 20, quote: '"near misses"', note: 'Cite this', reviewer: 'Jo' });
    expect(a).toMatchObject({ start: 7, end: 20, anchor: 'exact' });
    db.prepare('UPDATE comments SET body_text = ? WHERE id = ?').run('Update: we saw "near misses", every week.', comment);
    expect(listAnnotations(db, { commentId: comment }).items[0]).toMatchObject({ start: 15, end: 28, anchor: 'moved' });
    db.prepare('UPDATE comments SET body_text = ? WHERE id = ?').run('Edited away.', comment);
    expect(listAnnotations(db, { commentId: comment }).items[0]).toMatchObject({ anchor: 'lost', quote: '"near misses"' });
  });

  it('picks the copy of a repeated quote nearest the old start', () => {
    expect(reanchor('ab ab ab', 4, 6, 'ab')).toEqual({ start: 3, end: 5, anchor: 'moved' });
    expect(reanchor('xx ab ab ab', 4, 6, 'ab')).toEqual({ start: 3, end: 5, anchor: 'moved' });
  });

  it('refuses a span whose text is not the quote, saying where', () => {
    expect(() => createAnnotation(db, { commentId: comment, start: 0, end: 2, quote: 'no' })).toThrow(/span 0–2 does not hold the quoted text/);
    expect(() => createAnnotation(db, { commentId: comment, start: 0, end: 999, quote: 'x' })).toThrow(/outside the comment's text/);
  });

  it('edits with a revision check and removes softly', () => {
    const tag = listTags(db)[0];
    const a = createAnnotation(db, { commentId: comment, start: 0, end: 2, quote: 'We' });
    const b = updateAnnotation(db, { id: a.id, baseRevision: a.revision, tagId: tag.id, note: 'changed' });
    expect(b).toMatchObject({ tagName: tag.name, note: 'changed', revision: 2 });
    expect(() => updateAnnotation(db, { id: a.id, baseRevision: 1, note: 'stale' })).toThrow(/changed elsewhere/);
    deleteAnnotation(db, a.id);
    expect(listAnnotations(db, { postId: post }).total).toBe(0);
    expect(db.prepare('SELECT deleted_at FROM annotations WHERE id = ?').get(a.id)).toMatchObject({ deleted_at: expect.any(String) });
  });
});

describe('tags', () => {
  it('starts with the team vocabulary and can add, rename and remove tags, reusing a removed name', () => {
    expect(listTags(db).map((t) => t.name)).toEqual(['needs reply', 'off-topic', 'patient safety', 'quote-worthy']);
    const t = createTag(db, { name: 'follow up' });
    expect(() => createTag(db, { name: 'Follow Up' })).toThrow(/already a tag/);
    updateTag(db, { id: t.id, name: 'follow-up' });
    deleteTag(db, t.id);
    expect(listTags(db).some((x) => x.name === 'follow-up')).toBe(false);
    expect(createTag(db, { name: 'follow-up' }).id).toBe(t.id);
  });
});

describe('reply drafts', () => {
  it('autosaves with a revision check and a draft or ready status', () => {
    expect(getReply(db, comment)).toBeNull();
    const r1 = saveReply(db, { commentId: comment, baseRevision: 0, body: '{"root":{}}', text: 'Thank you', status: 'draft' });
    const r2 = saveReply(db, { commentId: comment, baseRevision: r1.revision, body: '{"root":{}}', text: 'Thank you, Amira', status: 'ready' });
    expect(r2).toMatchObject({ revision: 2, status: 'ready', text: 'Thank you, Amira' });
    expect(() => saveReply(db, { commentId: comment, baseRevision: 1, body: '{}', text: 'old window', status: 'draft' })).toThrow(/saved elsewhere/);
    expect(getReply(db, comment)!.text).toBe('Thank you, Amira');
  });
});

describe('annotation report', () => {
  it('escapes CSV cells with quotes, commas and newlines, and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    createAnnotation(db, { commentId: comment, start: 7, end: 20, quote: '"near misses"', note: 'a, b\n<c>', reviewer: 'Jo' });
    const csv = annotationReport(db, { postId: post, format: 'csv' });
    expect(csv.fileName).toBe('annotations-safer-wards.csv');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('Post,Comment author,Comment,Span,Start,End,Tag,Note,Reviewer,Time');
    expect(lines[1]).toContain('Safer wards,Amira,"We saw ""near misses"", every week, on nights.","""near misses""",7,20,,"a, b\n<c>",Jo,');
  });

  it('writes an HTML report with every value escaped', () => {
    createAnnotation(db, { commentId: comment, start: 0, end: 2, quote: 'We', note: '<script>alert(1)</script> & co' });
    const html = annotationReport(db, { format: 'html' }).text;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;near misses&quot;');
  });
});
