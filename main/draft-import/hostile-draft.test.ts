/**
 * Draft files that once reached a raw exception: markup nested deeper than the HTML converter (or
 * marked) can recurse. Each is refused with the file's name and what is wrong, and a <frameset>
 * page still imports its text.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import { readDraftFile } from './index';

async function refusal(fileName: string, data: string): Promise<AppError> {
  const err = await readDraftFile(fileName, Buffer.from(data)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('draft files nested too deeply', () => {
  it.each([
    ['deep.html', `<p>Intro</p>${'<div>'.repeat(3000)}deep`],
    ['quotes.md', `${'>'.repeat(3000)} deep`],
    ['bullets.md', `${'- '.repeat(3000)}x`],
  ])('%s is refused with the file name and what is wrong', async (fileName, data) => {
    const err = await refusal(fileName, data);
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toBe(`${fileName}: its markup is nested too deeply to read. Nothing was imported.`);
  }, 60_000);
});

describe('a <frameset> page', () => {
  it('imports the text it holds instead of failing', async () => {
    const doc = await readDraftFile('frames.html', Buffer.from('<title>Frames</title><frameset onload="alert(1)"><frame src="javascript:alert(2)"></frameset>'));
    expect(doc.title).toBe('Frames');
    expect(JSON.stringify(doc.body)).not.toMatch(/javascript|alert/);
  });
});
