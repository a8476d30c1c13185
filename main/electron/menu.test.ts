/**
 * The File menu's draft commands, against a fake of Electron's Menu (the only mock the project
 * allows): Export… and Preview carry the accelerators the window answers, and a click sends that
 * chord to the focused window, where the draft's own key handler opens the dialog or the view.
 */
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ template: [] as any[] }));

vi.mock('electron', () => ({
  app: { isPackaged: true },
  Menu: { buildFromTemplate: (t: any[]) => ((state.template = t), { items: t }) },
}));

import { buildMenu } from './menu';

describe('the File menu', () => {
  it('has Export… and Preview with the window’s chords, and a click sends the chord to the window', () => {
    buildMenu();
    const file = state.template.find((m) => m.label === 'File');
    const items = file.submenu.filter((i: any) => i.label);
    expect(items.map((i: any) => `${i.label} ${i.accelerator}`)).toEqual(['Export… CmdOrCtrl+Shift+E', 'Preview CmdOrCtrl+Shift+P']);
    // Shown, not registered: the page answers the real key press once, by itself.
    expect(items.every((i: any) => i.registerAccelerator === false)).toBe(true);
    const sent: unknown[] = [];
    const win = { webContents: { sendInputEvent: (e: unknown) => sent.push(e) } };
    items[0].click(null, win);
    const mod = process.platform === 'darwin' ? 'meta' : 'control';
    expect(sent).toEqual([
      { type: 'keyDown', keyCode: 'E', modifiers: [mod, 'shift'] },
      { type: 'keyUp', keyCode: 'E', modifiers: [mod, 'shift'] },
    ]);
    // No window focused: nothing to send to, and nothing throws.
    expect(() => items[1].click(null, undefined)).not.toThrow();
  });
});
