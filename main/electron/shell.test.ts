/**
 * The shell's security rules, with Electron's own modules replaced by small fakes (the only mocks
 * the project allows): IPC sender checks, navigation and window.open blocking, permission denial.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  permissionHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, fn) },
  shell: { openExternal: async (url: string) => void state.opened.push(url) },
  app: { on: () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof state.permissionHandler) => (state.permissionHandler = fn),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn) },
    },
  },
}));

import { registerIpc } from './ipc';
import { guardWebContents, lockDownSession, secureWebPreferences } from './security';
import { IPC_CHANNEL } from '../../common/transport';

function fakeContents(url = 'workbench://app/index.html') {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  const mainFrame = { url };
  return {
    mainFrame,
    listeners,
    openHandler: null as null | ((d: { url: string }) => { action: string }),
    on(name: string, fn: (event: { preventDefault: () => void }, url: string) => void) {
      listeners.set(name, fn);
    },
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    },
  };
}

describe('IPC', () => {
  const calls: [string, unknown][] = [];
  const trustedContents = fakeContents();
  beforeEach(() => {
    calls.length = 0;
    state.ipcHandlers.clear();
    registerIpc(async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: 'done' };
    }, (wc) => wc === (trustedContents as unknown));
  });
  const invoke = (event: unknown, ...args: unknown[]) => state.ipcHandlers.get(IPC_CHANNEL)!(event, ...args);

  it('dispatches a message from our own window', async () => {
    const result = await invoke({ sender: trustedContents, senderFrame: trustedContents.mainFrame }, 'posts.list', {});
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['posts.list', {}]]);
  });

  it('refuses other windows, subframes and foreign origins without dispatching', async () => {
    const stranger = fakeContents();
    const subframe = { url: 'workbench://app/index.html' };
    const foreign = fakeContents('https://evil.example/');
    for (const event of [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: trustedContents, senderFrame: subframe },
      { sender: foreign, senderFrame: foreign.mainFrame },
      { sender: trustedContents, senderFrame: null },
    ]) {
      expect(await invoke(event, 'posts.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a malformed envelope', async () => {
    const event = { sender: trustedContents, senderFrame: trustedContents.mainFrame };
    expect(await invoke(event, 42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await invoke(event, 'x'.repeat(500), {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(calls).toEqual([]);
  });
});

describe('window and session lockdown', () => {
  it('uses the secure preferences', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('blocks navigation away from the app and denies every new window, opening only http(s) outside', () => {
    const wc = fakeContents();
    guardWebContents(wc as never);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    wc.listeners.get('will-navigate')!(event, 'https://evil.example/');
    wc.listeners.get('will-navigate')!(event, 'file:///etc/passwd');
    wc.listeners.get('will-navigate')!(event, 'workbench://app/index.html#/series');
    expect(prevented).toBe(2);
    state.opened.length = 0;
    expect(wc.openHandler!({ url: 'https://www.kingsfund.org.uk/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://www.kingsfund.org.uk/']);
  });

  it('denies permission requests and every network request outside the app', () => {
    lockDownSession();
    const answers: boolean[] = [];
    state.permissionHandler!(null, 'media', (ok) => answers.push(ok));
    state.permissionHandler!(null, 'notifications', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    const cancel = (url: string) => {
      let r: boolean | undefined;
      state.beforeRequest!({ url }, (x) => (r = x.cancel));
      return r;
    };
    expect(cancel('https://cdn.example/x.js')).toBe(true);
    expect(cancel('workbench://app/assets/index.js')).toBe(false);
  });
});
