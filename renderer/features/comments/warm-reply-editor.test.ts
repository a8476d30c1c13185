// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { warmReplyEditor } from './ReplyEditor';

describe('warmReplyEditor', () => {
  it('runs one reply editor hidden and inert, takes no focus, and leaves nothing behind after the next task', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    warmReplyEditor();
    // While it runs: a real Lexical editor, out of reach of assistive technology and input.
    const host = document.body.lastElementChild as HTMLElement;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.inert).toBe(true);
    expect(host.querySelector('[contenteditable="true"][data-lexical-editor="true"]')).not.toBeNull();
    expect(document.activeElement).toBe(button);
    await new Promise((r) => setTimeout(r, 10));
    expect(document.body.children).toHaveLength(1);
    expect(document.activeElement).toBe(button);
  });
});
