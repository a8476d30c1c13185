import { describe, expect, it } from 'vitest';
import { MEMBER_COLOURS, memberColour } from './member-colour';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('member colours', () => {
  it('carry white caret labels at a contrast of at least 4.5:1', () => {
    for (const c of MEMBER_COLOURS) expect((1 + 0.05) / (luminance(c) + 0.05), c).toBeGreaterThanOrEqual(4.5);
  });

  it('are the same for a member everywhere, and spread over the palette', () => {
    expect(memberColour('0190a0b2-7c1d-7000-8000-000000000001')).toBe(memberColour('0190a0b2-7c1d-7000-8000-000000000001'));
    const ids = Array.from({ length: 64 }, (_, i) => `0190a0b2-7c1d-7000-8000-${String(i).padStart(12, '0')}`);
    expect(new Set(ids.map(memberColour)).size).toBeGreaterThanOrEqual(6);
  });
});
