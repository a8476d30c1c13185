/**
 * The only bridge into the page: invoke(method, input), and onChanges(listener) for the change
 * events main pushes (only main can send to a window's ipcRenderer; the page parses each payload
 * with zod). No Node and no ipcRenderer reach the page. Bundled to CommonJS because sandboxed
 * preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANGES_CHANNEL, IPC_CHANNEL } from '../../common/transport';

contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
  onChanges: (listener: (payload: unknown) => void) => {
    // Only the payload crosses: the event object would hand the page ipcRenderer itself.
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(CHANGES_CHANNEL, relay);
    return () => void ipcRenderer.off(CHANGES_CHANNEL, relay);
  },
});
