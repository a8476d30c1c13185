import { z } from 'zod';
import { mutation, query } from './method';

/**
 * Things only the desktop shell can do (native file dialogs, the system browser). In browser
 * mode they answer NOT_FOUND-free data: `available: false`, and the renderer falls back to a file
 * input or a plain link.
 */
export const desktopApi = {
  'desktop.capabilities': query('Which desktop features this window has.', z.object({}).strict(), z.object({ available: z.boolean() })),
  'desktop.chooseFile': mutation(
    'Shows the native open dialog; returns the chosen path or null.',
    z
      .object({
        title: z.string().max(200).default('Choose a file'),
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(20).default([]),
      })
      .strict(),
    z.object({ path: z.string().nullable() }),
  ),
  'desktop.openExternal': mutation(
    'Opens an http(s) or mailto link in the system browser after the renderer asked the user.',
    z.object({ url: z.string().max(4000) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
};
