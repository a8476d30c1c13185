/**
 * What the desktop shell lends the handlers (ctx.desktop): the system's open and save dialogs and
 * the system browser. Thin on purpose: the handlers decide what to do with the chosen path.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { DesktopCapabilities } from '../context';
import { isExternalUrlAllowed } from '../handlers/desktop';

export function desktopCapabilities(window: () => BrowserWindow | null): DesktopCapabilities {
  return {
    chooseFile: async (title, extensions) => {
      const options = {
        title,
        properties: ['openFile' as const],
        filters: extensions.length ? [{ name: 'Files', extensions }] : [],
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // A series is saved as a new folder of the chosen name, like the CLI's --out DIR: the save
    // dialog names it, and the exporter creates it.
    chooseSavePath: async ({ title, defaultName, kind, extensions }) => {
      const options = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        buttonLabel: kind === 'folder' ? 'Export here' : 'Export',
        filters: kind === 'file' && extensions.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openExternal: async (url) => {
      if (isExternalUrlAllowed(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s)/mailto only
    },
  };
}
