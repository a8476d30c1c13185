/**
 * Tests' handle on a real team server process (`workbench sync-server`) and on real Hocuspocus
 * clients in this process. The server is stopped by the process id the test started, only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { inviteMember, inviteMemberNow } from '../members';
import { PgStore } from '../pg-store';
import { TeamStore } from '../store';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = ['--import', 'tsx', path.join(ROOT, 'main', 'cli-main.ts'), 'sync-server'];

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** `dataDir` is the server's data folder, or a postgres:// URL for its store. */
export async function startServerProcess(dataDir: string, extra: string[] = [], port = 0, env: NodeJS.ProcessEnv = process.env): Promise<ServerProcess> {
  const store = dataDir.startsWith('postgres://') ? ['--postgres', dataDir] : ['--data', dataDir];
  const child = spawn(process.execPath, [...CLI, ...store, '--port', String(port), ...extra], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the team server did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /^listening on (wss?:\/\/\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => reject(new Error(`the team server exited before listening:\n${out}`)));
  });
  return { url, port: Number(new URL(url).port), child, exited, output: () => out };
}

export function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Invites in this process (the CLI's own invite is tested once, apart). */
export function invite(dataDir: string, name: string, role: string, email?: string): string {
  const store = new TeamStore(dataDir);
  try {
    return inviteMemberNow(store, { name, role, email });
  } finally {
    store.close();
  }
}

/** Invites into a PostgreSQL store, in this process. */
export async function invitePg(url: string, name: string, role: string): Promise<string> {
  const store = await PgStore.open(url);
  try {
    return (await inviteMember(store, { name, role })).token;
  } finally {
    await store.close();
  }
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves with the scope the server granted, or rejects with its reason for refusing. */
  authenticated: Promise<'read-write' | 'readonly'>;
  synced: Promise<void>;
  destroy(): void;
}

/** One member's connection; pass `socket` to open several documents over one WebSocket, as the app does. */
export function connect(url: string, name: string, token: string, socket?: HocuspocusProviderWebsocket): Client {
  const ws = socket ?? new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 1000, factor: 1.5 });
  const doc = new Y.Doc();
  let onAuth!: (scope: 'read-write' | 'readonly') => void;
  let onFail!: (e: Error) => void;
  const authenticated = new Promise<'read-write' | 'readonly'>((resolve, reject) => ((onAuth = resolve), (onFail = reject)));
  authenticated.catch(() => undefined);
  let onSynced!: () => void;
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: ws,
    name,
    document: doc,
    token,
    onAuthenticated: ({ scope }) => onAuth(scope as 'read-write' | 'readonly'),
    onAuthenticationFailed: ({ reason }) => onFail(new Error(reason)),
    onSynced: () => onSynced(),
  });
  provider.attach();
  return {
    doc,
    provider,
    socket: ws,
    authenticated,
    synced,
    destroy() {
      provider.destroy();
      if (!socket) ws.destroy();
    },
  };
}

export async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
