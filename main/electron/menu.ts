/** Native menus with the platform's standard roles and accelerators. */
import { app, Menu, type BaseWindow, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/**
 * A draft's commands in the File menu send the window the same key chord its own buttons answer
 * (the renderer listens for it), so the menu needs no channel of its own into the page. The menu
 * shows the keys but does not register them: the page answers a real key press itself, and a
 * registered accelerator would deliver it twice (and toggle the preview back).
 */
export const DRAFT_COMMANDS = [
  { label: 'Export…', key: 'E', accelerator: 'CmdOrCtrl+Shift+E' },
  { label: 'Preview', key: 'P', accelerator: 'CmdOrCtrl+Shift+P' },
] as const;

export function sendChord(win: BaseWindow | BrowserWindow | undefined, key: string): void {
  const contents = win && 'webContents' in win ? (win as BrowserWindow).webContents : null;
  if (!contents) return;
  const modifiers: ('meta' | 'control' | 'shift')[] = [process.platform === 'darwin' ? 'meta' : 'control', 'shift'];
  contents.sendInputEvent({ type: 'keyDown', keyCode: key, modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode: key, modifiers });
}

export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        ...DRAFT_COMMANDS.map((c) => ({ label: c.label, accelerator: c.accelerator, registerAccelerator: false, click: (_item: unknown, win: BaseWindow | undefined) => sendChord(win, c.key) })),
        { type: 'separator' as const },
        isMac ? { role: 'close' as const } : { role: 'quit' as const },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Editorial Workbench', enabled: false }] },
  ];
  return Menu.buildFromTemplate(template);
}
