import { describe, expect, it } from 'vitest';
import { ordinalSuffix, ordinalWord, seriesNotice } from './ordinal';

// Written out by hand, not generated, so the test cannot share a bug with the code.
const EXPECTED_1_TO_100 = `first second third fourth fifth sixth seventh eighth ninth tenth
eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
twenty-first twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth
thirty-first thirty-second thirty-third thirty-fourth thirty-fifth thirty-sixth thirty-seventh thirty-eighth thirty-ninth fortieth
forty-first forty-second forty-third forty-fourth forty-fifth forty-sixth forty-seventh forty-eighth forty-ninth fiftieth
fifty-first fifty-second fifty-third fifty-fourth fifty-fifth fifty-sixth fifty-seventh fifty-eighth fifty-ninth sixtieth
sixty-first sixty-second sixty-third sixty-fourth sixty-fifth sixty-sixth sixty-seventh sixty-eighth sixty-ninth seventieth
seventy-first seventy-second seventy-third seventy-fourth seventy-fifth seventy-sixth seventy-seventh seventy-eighth seventy-ninth eightieth
eighty-first eighty-second eighty-third eighty-fourth eighty-fifth eighty-sixth eighty-seventh eighty-eighth eighty-ninth ninetieth
ninety-first ninety-second ninety-third ninety-fourth ninety-fifth ninety-sixth ninety-seventh ninety-eighth ninety-ninth hundredth`.split(/\s+/);

describe('ordinalWord', () => {
  it('spells every ordinal from 1 to 100 in English', () => {
    expect(EXPECTED_1_TO_100).toHaveLength(100);
    const actual = Array.from({ length: 100 }, (_, i) => ordinalWord(i + 1));
    expect(actual).toEqual(EXPECTED_1_TO_100);
  });

  it('goes on past a hundred in the British form', () => {
    expect(ordinalWord(101)).toBe('hundred and first');
    expect(ordinalWord(112)).toBe('hundred and twelfth');
    expect(ordinalWord(200)).toBe('two hundredth');
    expect(ordinalWord(999)).toBe('nine hundred and ninety-ninth');
    expect(ordinalWord(1001)).toBe('1001st');
  });

  it('refuses zero, negatives and fractions with a message naming the number', () => {
    expect(() => ordinalWord(0)).toThrow(/not 0/);
    expect(() => ordinalWord(-3)).toThrow(/not -3/);
    expect(() => ordinalWord(2.5)).toThrow(/not 2.5/);
  });

  it('gives numeric suffixes with the teens as exceptions', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111, 1002].map((n) => n + ordinalSuffix(n))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '111th', '1002nd',
    ]);
  });
});

describe('seriesNotice', () => {
  const template = 'This is the {ordinal} in a series of guest blogs that explores {topic}.';

  it('fills the ordinal and topic of the guest blog series notice', () => {
    expect(seriesNotice(template, { position: 3, topic: 'current issues and opportunities for clinical and medical leaders', title: 'Leaders' })).toBe(
      'This is the third in a series of guest blogs that explores current issues and opportunities for clinical and medical leaders.',
    );
    expect(seriesNotice(template, { position: 21, topic: 'x', title: 'S' })).toBe('This is the twenty-first in a series of guest blogs that explores x.');
  });

  it('fills {position} and {title}, every occurrence', () => {
    expect(seriesNotice('{title} part {position} ({ordinal}); {title}', { position: 2, topic: '', title: 'Care' })).toBe('Care part 2 (second); Care');
  });

  it('inserts a topic literally even when it looks like a placeholder or a replacement pattern', () => {
    expect(seriesNotice('About {topic}.', { position: 1, topic: '$& and {ordinal}', title: '' })).toBe('About $& and {ordinal}.');
  });
});
