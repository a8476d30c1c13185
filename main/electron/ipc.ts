/**
 * The one IPC channel. Every message is checked before dispatch: it must come from the main frame
 * of one of our windows showing our own origin, and its envelope must parse.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { CHANGES_CHANNEL, IPC_CHANNEL } from '../../common/transport';
import type { ChangeFeed } from '../changes/change-feed';
import { fail } from '../../common/errors';
import type { Dispatch } from '../dispatch';
import { isAppUrl } from './security';

const Envelope = z.tuple([z.string().min(1).max(100), z.unknown()]);

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: (wc: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || !trusted(event.sender)) return false;
  // Only the top frame: a sandboxed preview iframe must never reach the API.
  if (frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(dispatch: Dispatch, trusted: (wc: WebContents) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event, trusted)) return fail('FORBIDDEN', 'This window may not call the workbench API.');
    const envelope = Envelope.safeParse(args);
    if (!envelope.success) return fail('BAD_INPUT', 'An IPC message is (method: string, input).');
    const [method, input] = envelope.data;
    return dispatch(method, input);
  });
}

/**
 * The change events, pushed to our window while it shows our own page (never to a page that
 * navigated elsewhere). The preload hands them on; the page parses each with zod before use.
 */
export function forwardChanges(feed: ChangeFeed, target: () => WebContents | null): () => void {
  return feed.subscribe((event) => {
    const wc = target();
    if (wc && !wc.isDestroyed() && isAppUrl(wc.mainFrame.url)) wc.send(CHANGES_CHANNEL, event);
  });
}
