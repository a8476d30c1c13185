/**
 * The Electron security checklist in one place: window preferences, CSP, navigation, new windows,
 * permissions. Every BrowserWindow the app makes goes through these.
 */
import { app, session, shell, type WebContents, type WebPreferences } from 'electron';
import { isExternalUrlAllowed } from '../handlers/desktop';
import { APP_HOST, APP_SCHEME } from './protocol';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
}

/**
 * True for the app's own pages and nothing else. Compared by scheme and host: Node's URL gives
 * custom schemes an opaque origin ("null"), so origins cannot be compared.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** `allow`: the one off-app address the page may reach, the desktop stream's loopback socket (stream-endpoint.ts). */
export function lockDownSession(allow: (url: string) => boolean = () => false): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation, clipboard-read prompts: the app needs none.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing may be fetched from the network: the app is offline by design.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || allow(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
}

/** Applied to every web contents the app creates, including frames and any that slip through. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links the user clicked open in the system browser, and only for http(s)/mailto.
    if (isExternalUrlAllowed(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s)/mailto only
    return { action: 'deny' };
  });
}

export function installGlobalGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
