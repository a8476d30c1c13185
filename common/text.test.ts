import { describe, expect, it } from 'vitest';
import { Slug } from './domain';
import { fitTitle, slugify, TITLE_MAX } from './text';

describe('slugify', () => {
  it('keeps the letters and digits of every script, as WordPress does', () => {
    const cases: [string, string][] = [
      ['مرحبا بالعالم — guest post', 'مرحبا-بالعالم-guest-post'],
      ['שלום עולם: מדריך', 'שלום-עולם-מדריך'],
      ['Привет, мир! Йога в 2024', 'привет-мир-йога-в-2024'],
      ['Καλημέρα κόσμε', 'καλημέρα-κόσμε'],
      ['東京の春 2024', '東京の春-2024'],
      ['한국어 제목', '한국어-제목'],
      ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
      ['สวัสดีชาวโลก', 'สวัสดีชาวโลก'],
      ['Crème brûlée, à la carte', 'creme-brulee-a-la-carte'],
      ["Why is medical leadership important? It's vital", 'why-is-medical-leadership-important-its-vital'],
    ];
    for (const [title, slug] of cases) {
      expect(slugify(title), title).toBe(slug);
      expect(Slug.safeParse(slug).success, slug).toBe(true);
    }
  });

  it('falls back to untitled for a title with no letters or digits, and cuts long titles whole', () => {
    expect(slugify('— … !!')).toBe('untitled');
    expect(slugify('😀 🎉')).toBe('untitled');
    const cut = slugify('नमस्ते '.repeat(30), 20);
    expect(Array.from(cut).length).toBeLessThanOrEqual(20);
    expect(Slug.safeParse(cut).success).toBe(true);
  });

  it('refuses slugs with capitals, spaces or doubled hyphens in any script', () => {
    for (const bad of ['Hello', 'a b', 'a--b', '-a', 'Привет', 'a_b']) expect(Slug.safeParse(bad).success, bad).toBe(false);
  });
});

describe('fitTitle', () => {
  it('keeps a title that fits and says nothing was cut', () => {
    expect(fitTitle('A title')).toEqual({ title: 'A title', cutFrom: null });
    expect(fitTitle('x'.repeat(TITLE_MAX))).toEqual({ title: 'x'.repeat(TITLE_MAX), cutFrom: null });
  });

  it('cuts a longer one to 300 and reports its length', () => {
    expect(fitTitle('y'.repeat(12_000))).toEqual({ title: 'y'.repeat(300), cutFrom: 12_000 });
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const t = `${'a'.repeat(299)}😀 more`;
    const { title, cutFrom } = fitTitle(t);
    expect(title).toBe('a'.repeat(299));
    expect(cutFrom).toBe(t.length);
  });
});
