/**
 * Where the database lives when nobody says. The same folder Electron's app.getPath('userData')
 * uses for this app name, so the desktop app and browser mode open the same file.
 */
import os from 'node:os';
import path from 'node:path';
import { APP_NAME, DB_FILE_NAME } from './app-info';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** --db wins, then WORKBENCH_DB, then the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.WORKBENCH_DB) return path.resolve(env.WORKBENCH_DB);
  return path.join(userDataDir(env), DB_FILE_NAME);
}
