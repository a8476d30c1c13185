import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePageText, parsePageTextComments } from './page-text';
import { collect, SAMPLES } from './testing';
import { DEMO_PAGE_FILE } from '../demo/paths';

const page = fs.readFileSync(DEMO_PAGE_FILE, 'utf8');

describe('copied page text', () => {
  it('finds exactly the five comments of the fixture page with ids, names, roles and organisations', () => {
    const { comments } = parsePageTextComments(page);
    expect(comments.map((c) => [c.id, c.name, c.role, c.organisation])).toEqual([
      ['545717', 'Jeremy Butler', 'Public Governor', 'Royal Berkshire NHS Foundation Trust'],
      ['545723', 'Adrian Hayter', 'Clinical Chair', 'Windsor Ascot and Maidenhead CCG'],
      ['545725', 'Pearl Baker', 'Independent Mental Health Advocate and Advisor/Carer', ''],
      ['545756', 'Alistair Hellewell', 'Consultant Anaesthetist', 'RD&E NHS F Trust'],
      ['545757', 'Dr Julie Barker', 'GP, EOL Lead, Macmillan GP', 'Newark & Sherwood CCG'],
    ]);
  });

  it('keeps each body whole, from the blank line to the next comment or "Add new comment"', () => {
    const { comments } = parsePageTextComments(page);
    expect(comments[0].body).toMatch(/^Congratulations on your efforts\..*must to be respected\.$/s);
    expect(comments[1].body).toContain('Docume...\nHe describes new leadership arrangements in the NHS.');
    expect(comments[2].body.split('\n\n')).toHaveLength(18);
    expect(comments[2].body.endsWith("one of the problem? as the BANKER")).toBe(true);
    expect(comments[3].body).toMatch(/^A really good piece.*safe and effective healthcare\.$/s);
    expect(comments[4].body).toBe("Thank you Binita. You have inspired me to continue to seek to improve my leadership skills and 'step up to the plate' as Alistair says.");
    for (const c of comments) expect(c.body).not.toMatch(/Add new comment|#\d{6}/);
  });

  it('reports where the comment section starts and ends so the post body can be split off', () => {
    const { startOffset, endOffset } = parsePageTextComments(page);
    expect(page.slice(startOffset)).toMatch(/^#545717 Jeremy Butler\n/);
    expect(page.slice(0, startOffset)).toContain('Subscribe to our email newsletters');
    expect(page.slice(0, startOffset)).not.toContain('#5457');
    expect(page.slice(endOffset).trim()).toBe('Add new comment');
  });

  it('imports every comment as approved plain text with CRLF line endings too', async () => {
    const { comments } = await collect(parsePageText, page.replace(/\n/g, '\r\n'), { fileName: 'page.txt' }, 100);
    expect(comments).toHaveLength(5);
    expect(comments.every((c) => c.status === 'approved' && !c.bodyIsHtml && c.postKey === null)).toBe(true);
    expect(comments[0].body).not.toContain('\r');
  });

  it('keeps a body line like "#1 priority" inside the body', () => {
    const { comments } = parsePageTextComments('#10 Ann\nNurse\n\nMy list:\n#1 priority is staffing\n\n#11 Bob\n\nAgreed.\n');
    expect(comments.map((c) => c.id)).toEqual(['10', '11']);
    expect(comments[0].body).toBe('My list:\n#1 priority is staffing');
    expect(comments[0]).toMatchObject({ role: 'Nurse', organisation: '' });
  });

  it('refuses text without comments, saying what layout it expects', async () => {
    await expect(collect(parsePageText, 'Just a post.\n', { fileName: 'page.txt' })).rejects.toThrow(/^page\.txt:1:1: no comments found.*#<id> <name>/);
    expect(parsePageTextComments('no comments').startOffset).toBe(-1);
  });
});
