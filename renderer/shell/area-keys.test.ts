// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { areaForKey, listenForAreaKeys } from './area-keys';

const press = (key: string, mods: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, cancelable: true, ...mods });
  window.dispatchEvent(e);
  return e;
};

describe('area keys', () => {
  it('Ctrl or Cmd with the digit, and nothing else, names the area', () => {
    const k = (key: string, m: Partial<KeyboardEvent> = {}) => areaForKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });
    expect(k('1', { ctrlKey: true })).toBe('drafts');
    expect(k('3', { ctrlKey: true })).toBe('comments');
    expect(k('4', { metaKey: true })).toBe('planning');
    expect(k('3')).toBeUndefined();
    expect(k('3', { ctrlKey: true, altKey: true })).toBeUndefined(); // Ctrl+Alt+3 is Heading 3
    expect(k('3', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(k('5', { ctrlKey: true })).toBe('for-you');
    expect(k('6', { ctrlKey: true })).toBeUndefined();
  });

  it('switches the hash route on its own, with no shell mounted, and takes the key from the browser', () => {
    window.location.hash = '#/drafts';
    listenForAreaKeys();
    const e = press('3', { ctrlKey: true });
    expect(window.location.hash).toBe('#/comments');
    expect(e.defaultPrevented).toBe(true);
    const other = press('3', { ctrlKey: true, altKey: true });
    expect(window.location.hash).toBe('#/comments');
    expect(other.defaultPrevented).toBe(false);
  });
});
