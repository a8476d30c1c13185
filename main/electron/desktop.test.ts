/**
 * The desktop capabilities against a fake of Electron's dialog module (the only mock the project
 * allows): the save dialog is asked with the export's name and filter, over our window, and its
 * answer (a path, or a cancel) is what the handlers get. publish.saveAs then writes there
 * (main/exporters/export-target.test.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  saveCalls: [] as unknown[][],
  answer: { canceled: false, filePath: '/home/ed/Documents/post.html' } as { canceled: boolean; filePath?: string },
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/ed/${name === 'documents' ? 'Documents' : name}` },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      state.saveCalls.push(args);
      return state.answer;
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  shell: { openExternal: async (url: string) => void state.opened.push(url) },
}));

import { desktopCapabilities } from './desktop';

const win = { id: 1 } as never;

beforeEach(() => {
  state.saveCalls.length = 0;
  state.opened.length = 0;
});

describe('the save dialog for Export…', () => {
  it('asks over our window with the suggested name in Documents and the file type, and returns the chosen path', async () => {
    const desktop = desktopCapabilities(() => win);
    state.answer = { canceled: false, filePath: '/home/ed/Documents/my post.html' };
    const chosen = await desktop.chooseSavePath({ title: 'Export the page', defaultName: 'my-post.html', kind: 'file', extensions: ['html'] });
    expect(chosen).toBe('/home/ed/Documents/my post.html');
    expect(state.saveCalls).toEqual([
      [
        win,
        {
          title: 'Export the page',
          defaultPath: '/home/ed/Documents/my-post.html',
          buttonLabel: 'Export',
          filters: [{ name: 'HTML', extensions: ['html'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      ],
    ]);
  });

  it('names a new folder for a series, with no file filter', async () => {
    const desktop = desktopCapabilities(() => null);
    state.answer = { canceled: false, filePath: '/home/ed/Documents/five-voices' };
    expect(await desktop.chooseSavePath({ title: 'Choose a folder for the series', defaultName: 'five-voices', kind: 'folder', extensions: [] })).toBe('/home/ed/Documents/five-voices');
    expect(state.saveCalls[0]).toEqual([expect.objectContaining({ buttonLabel: 'Export here', filters: [] })]);
  });

  it('answers null when the user cancels', async () => {
    state.answer = { canceled: true, filePath: '' };
    expect(await desktopCapabilities(() => win).chooseSavePath({ title: 't', defaultName: 'a.xml', kind: 'file', extensions: ['xml'] })).toBeNull();
  });
});

describe('the system browser', () => {
  it('opens http(s) and mailto links only', async () => {
    const desktop = desktopCapabilities(() => win);
    await desktop.openExternal('https://example.org/');
    await desktop.openExternal('file:///etc/passwd');
    expect(state.opened).toEqual(['https://example.org/']);
  });
});
