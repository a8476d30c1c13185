import { describe, expect, it } from 'vitest';
import { parseCsv, suggestCsvMapping } from './csv';
import { parseJson } from './json';
import { detectFormat } from './detect';
import { parseHumanDate } from './dates';
import { collect } from './testing';

describe('CSV', () => {
  const wp = 'comment_ID,comment_post_ID,comment_author,comment_author_email,comment_date_gmt,comment_content,comment_approved,comment_parent\r\n' +
    '1,hello,Ann,ann@example.org,2024-03-05 10:00:00,"Plain, with a comma",1,0\r\n' +
    '2,hello,"Bob ""B"" Jones",,2024-03-06 11:00:00,"Line one\r\nline two",0,1\r\n' +
    '3,hello,Spammer,,2024-03-07 12:00:00,buy now,spam,0\r\n';

  it('maps WordPress comment-table columns and reads quotes, doubled quotes and CRLF inside fields, in any chunking', async () => {
    for (const size of [1, 2, 5, 4096]) {
      const { comments, warnings } = await collect(parseCsv, wp, { fileName: 'c.csv' }, size);
      expect(warnings, `chunks of ${size}`).toEqual([]);
      expect(comments.map((c) => [c.sourceId, c.postKey, c.author.name, c.body, c.status, c.parentSourceId]), `chunks of ${size}`).toEqual([
        ['1', 'hello', 'Ann', 'Plain, with a comma', 'approved', null],
        ['2', 'hello', 'Bob "B" Jones', 'Line one\r\nline two', 'pending', '1'],
        ['3', 'hello', 'Spammer', 'buy now', 'spam', null],
      ]);
      expect(comments[0].postedAt).toBe('2024-03-05T10:00:00.000Z');
    }
  });

  it('suggests a mapping from plain header names', () => {
    expect(suggestCsvMapping(['Name', 'Email', 'Date', 'Comment', 'Status', 'Post'])).toEqual({ author: 'Name', email: 'Email', date: 'Date', content: 'Comment', status: 'Status', post: 'Post' });
  });

  it('uses the mapping the user chose over the header names', async () => {
    const { comments } = await collect(parseCsv, 'who,said\nAnn,Hello\n', { csv: { columns: { author: 'who', content: 'said' } } });
    expect(comments[0]).toMatchObject({ author: { name: 'Ann' }, body: 'Hello', status: 'pending', statusDefaulted: 'no status column', sourceId: 'row-1' });
  });

  it('imports every comment as pending when the file has no status column or an empty status cell, never approved', async () => {
    const none = await collect(parseCsv, 'author,content\nAnn,Hello\nBob,Hi\n', { fileName: 'n.csv' });
    expect(none.comments.map((c) => [c.status, c.statusDefaulted])).toEqual([['pending', 'no status column'], ['pending', 'no status column']]);
    const blank = await collect(parseCsv, 'author,content,status\nAnn,Hello,\nBob,Hi,approved\n', { fileName: 'b.csv' });
    expect(blank.comments.map((c) => [c.status, c.statusDefaulted])).toEqual([['pending', 'empty status cell'], ['approved', undefined]]);
  });

  it('reads UK dates day first by default, US dates when asked, and flips an impossible one with a warning', async () => {
    const csv = 'author,date,content\nA,05/03/2024,x\nB,25/12/2023 14:30,y\nC,12/25/2023,z\nD,5 March 2024,w\n';
    const uk = await collect(parseCsv, csv, { fileName: 'd.csv' });
    expect(uk.comments.map((c) => c.postedAt)).toEqual(['2024-03-05T00:00:00.000Z', '2023-12-25T14:30:00.000Z', '2023-12-25T00:00:00.000Z', '2024-03-05T00:00:00.000Z']);
    expect(uk.warnings).toEqual([expect.stringMatching(/^d\.csv:4:1: the date "12\/25\/2023" is not a valid day\/month date/)]);
    const us = await collect(parseCsv, csv, { csv: { dateOrder: 'mdy' } });
    expect(us.comments[0].postedAt).toBe('2024-05-03T00:00:00.000Z');
    expect(parseHumanDate('2024-03-05T10:00:00+01:00').value).toBe('2024-03-05T09:00:00.000Z');
  });

  it('refuses a quote in the middle of an unquoted field with its line and column', async () => {
    await expect(collect(parseCsv, 'author,content\nAnn,say "hi"\n', { fileName: 'q.csv' })).rejects.toThrow(/^q\.csv:2:9: a quote inside an unquoted field/);
  });

  it('refuses a file without a text column, and an unclosed quote', async () => {
    await expect(collect(parseCsv, 'a,b\n1,2\n', { fileName: 'n.csv' })).rejects.toThrow(/^n\.csv:1:1: no column holds the comment text/);
    await expect(collect(parseCsv, 'content\n"never closed\n', { fileName: 'u.csv' })).rejects.toThrow(/^u\.csv:2:1: a quoted field is never closed/);
  });
});

describe('JSON', () => {
  it('reads the array `workbench comments --json` prints, resolving parentId through the file', async () => {
    const list = [
      { id: '01900000-0000-7000-8000-000000000001', source: 'wxr', sourceId: '7', parentId: null, post: 'hello', author: { name: 'Ann', role: '', organisation: '', email: '', url: '' }, postedAt: '2024-01-01T00:00:00.000Z', status: 'approved', type: 'comment', text: 'Hi', html: '<p>Hi</p>', flags: [] },
      { id: '01900000-0000-7000-8000-000000000002', source: 'wxr', sourceId: '8', parentId: '01900000-0000-7000-8000-000000000001', post: 'hello', author: { name: 'Bob 😀' }, postedAt: null, status: 'spam', type: 'comment', text: 'Yo', html: '<p>Yo</p>', flags: ['orphan'] },
    ];
    const { comments } = await collect(parseJson, JSON.stringify(list, null, 2), {}, 3);
    expect(comments.map((c) => [c.source, c.sourceId, c.parentSourceId, c.postKey, c.status, c.author.name, c.flags])).toEqual([
      ['wxr', '7', null, 'hello', 'approved', 'Ann', []],
      ['wxr', '8', '7', 'hello', 'spam', 'Bob 😀', []],
    ]);
  });

  it('imports a comment without a status as pending and keeps a stated one', async () => {
    const { comments } = await collect(parseJson, '[{"sourceId": "1", "text": "a"}, {"sourceId": "2", "text": "b", "status": "approved"}]', {});
    expect(comments.map((c) => [c.status, c.statusDefaulted])).toEqual([['pending', 'no "status" field'], ['approved', undefined]]);
  });

  it('says where a malformed comment is', async () => {
    await expect(collect(parseJson, '[\n  {"sourceId": "1", "status": "approved"},\n  {"sourceId": "2", "status": "lost"}\n]', { fileName: 'j.json' })).rejects.toThrow(/^j\.json:3:3: status: /);
    await expect(collect(parseJson, '{"a": 1}', { fileName: 'o.json' })).rejects.toThrow(/^o\.json:1:1: expected an array/);
    await expect(collect(parseJson, '[{"sourceId": "1"', { fileName: 't.json' })).rejects.toThrow(/^t\.json:1:\d+: the file ends inside/);
  });
});

describe('format detection', () => {
  it('recognises each format from its content, whatever the file is called', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<rss xmlns:wp="https://wordpress.org/export/1.2/">', 'x.dat')).toBe('wxr');
    expect(detectFormat('<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com">', 'x.dat')).toBe('disqus');
    expect(detectFormat('\uFEFF[\n  {"id": "1"}', 'x.dat')).toBe('json');
    expect(detectFormat('Title\n\n#545717 Jeremy Butler\nGovernor\n', 'x.dat')).toBe('text');
    expect(detectFormat('comment_author,comment_content\nA,b\n', 'x.dat')).toBe('csv');
    expect(detectFormat('hello there', 'x.dat')).toBeNull();
  });
});
