/**
 * The only bridge into the page: invoke(method, input). No Node, no ipcRenderer, no events.
 * Bundled to CommonJS because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../common/transport';

contextBridge.exposeInMainWorld('workbench', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});
