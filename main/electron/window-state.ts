/**
 * Remembers the window's size, position and maximized state between launches, in a small JSON
 * file in the user-data folder. Bounds that no longer fit any display are dropped.
 */
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

const DEFAULT: WindowState = { width: 1280, height: 860, maximized: false };

function fitsADisplay(b: Rectangle): boolean {
  return screen.getAllDisplays().some((d) => {
    const a = d.workArea;
    return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
  });
}

export function loadWindowState(dir: string): WindowState {
  try {
    const parsed = WindowState.parse(JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8')));
    if (parsed.x !== undefined && parsed.y !== undefined && !fitsADisplay(parsed as Rectangle)) {
      return { width: parsed.width, height: parsed.height, maximized: parsed.maximized };
    }
    return parsed;
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(win: BrowserWindow, dir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed()) return;
    const b = win.getNormalBounds();
    const state: WindowState = { ...b, maximized: win.isMaximized() };
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify(state));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
