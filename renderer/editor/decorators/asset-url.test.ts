import { describe, expect, it } from 'vitest';
import { imageUrlNow } from './asset-url';

describe('imageUrlNow', () => {
  it('knows a data: picture at once, so an opened draft draws it in its first render', () => {
    const src = 'data:image/png;base64,iVBORw0KGgo=';
    expect(imageUrlNow(src)).toBe(src);
  });
  it('gives no URL for a source that is neither a stored asset nor a data: picture', () => {
    expect(imageUrlNow('javascript:alert(1)')).toBe('');
    expect(imageUrlNow('data:text/html,<b>x</b>')).toBe('');
  });
  it('says a stored picture not fetched yet is not known (the component fetches it)', () => {
    expect(imageUrlNow('asset:0123456789abcdef0123456789abcdef')).toBeNull();
  });
});
