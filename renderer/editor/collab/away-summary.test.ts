import { describe, expect, it } from 'vitest';
import { awaySummary } from './away-summary';

const change = (paragraph: number | null, ...by: string[]) => ({ paragraph, by, parts: [] });

describe('the away summary line', () => {
  it('names each member with the paragraphs they changed (counted from 1) and how many they removed', () => {
    expect(awaySummary([change(1, 'Ed Itor')])).toBe('Ed Itor changed paragraph 2.');
    expect(awaySummary([change(1, 'Ed Itor'), change(3, 'Ed Itor'), change(null, 'Ed Itor')])).toBe('Ed Itor changed paragraphs 2 and 4 and removed one paragraph.');
    expect(awaySummary([change(0, 'Ann Editor', 'Ed Itor'), change(4, 'Ed Itor'), change(5, 'Ed Itor'), change(null, 'Cy'), change(null, 'Cy')])).toBe(
      'Ann Editor changed paragraph 1, Ed Itor changed paragraphs 1, 5 and 6 and Cy removed two paragraphs.',
    );
  });
});
