import type { Handlers } from '../../common/api';
import { AppError } from '../../common/errors';
import type { Ctx } from '../context';

/** Only these schemes ever leave the app for the system browser or mail client. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export const desktopHandlers: Pick<Handlers<Ctx>, 'desktop.capabilities' | 'desktop.chooseFile' | 'desktop.openExternal'> = {
  'desktop.capabilities': (_input, ctx) => ({ available: ctx.desktop !== undefined }),
  'desktop.chooseFile': async (input, ctx) => {
    if (!ctx.desktop) throw new AppError('NOT_FOUND', 'Native file dialogs exist only in the desktop app; use the file picker.');
    return { path: await ctx.desktop.chooseFile(input.title, input.extensions) };
  },
  'desktop.openExternal': async (input, ctx) => {
    if (!isExternalUrlAllowed(input.url)) throw new AppError('BAD_INPUT', `Only http, https and mailto links open outside the app, not "${input.url.slice(0, 80)}".`);
    if (!ctx.desktop) return { opened: false };
    await ctx.desktop.openExternal(input.url); // eng-disable OPEN_EXTERNAL_JS_CHECK: checked just above
    return { opened: true };
  },
};
