/**
 * `workbench workspace`: join a team workspace, see and drive its sync, decide its conflicts.
 * The same operations as the window's Team workspace dialog (main/sync/workspace.ts).
 */
import { parse, printJson, UsageError, withContext } from './args';
import type { Command } from './command';
import { KeyFileVault } from '../sync/token-vault';
import type { WorkspaceStatus } from '../sync/workspace';
import type { conflictForJson } from '../sync/conflict-words';

const USAGE = `workbench workspace join <ws://host:port> --token T [--db F] [--json]
workbench workspace status [--db F] [--json]
workbench workspace sync [--timeout S] [--db F] [--json]
workbench workspace conflicts [--db F] [--json]
workbench workspace conflicts resolve <id> --pick N [--db F]
workbench workspace refused [--db F] [--json]
workbench workspace refused discard [--db F]
workbench workspace leave [--db F]

join asks the team server who the invitation's token belongs to, stores the token sealed (its
key is kept outside the database, in WORKBENCH_KEY_FILE or the user-data folder's workspace.key),
and merges what this store already holds into the workspace at the next sync.
sync connects, pushes and pulls until the store is up to date and exits 0; it exits 2 when the
server cannot be reached, refuses the token, or the timeout (default 60 s) passes.
conflicts lists the decisions two members made differently while apart (Needs decision);
resolve picks one of them, and the pick syncs to everyone.
refused lists local changes outside this member's role (the server refuses them); discard
puts the workspace's values back. leave keeps everything here as a local-only store.`;

const options = { db: { type: 'string' }, json: { type: 'boolean' }, token: { type: 'string' }, timeout: { type: 'string' }, pick: { type: 'string' } } as const;

function printStatus(s: WorkspaceStatus, json: boolean | undefined): void {
  if (json) return printJson(s);
  if (!s.joined) return void console.log('Local only: this store has not joined a team workspace.');
  console.log(`${s.url}: ${s.member!.name} (${s.role}). ${s.state}${s.pending ? `, ${s.pending} changes waiting` : ''}; last sync ${s.lastSyncAt ?? 'never'}; ${s.conflicts} needing a decision${s.refused ? `; ${s.refused} refused` : ''}.`);
}

const show = (v: unknown) => (v === null || v === undefined ? '(none)' : JSON.stringify(v));

function printConflicts(list: ReturnType<typeof conflictForJson>[]): void {
  if (list.length === 0) return void console.log('Nothing needs a decision.');
  for (const c of list) {
    console.log(`${c.id}  ${c.what} of ${c.subject}: was ${c.baseShown}, now ${c.currentShown}`);
    c.choices.forEach((ch, i) => console.log(`  ${i + 1}. ${ch.shown}  by ${ch.by} at ${ch.at}`));
  }
}

function seconds(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new UsageError(`--timeout takes seconds from 1 to 3600, not "${v}".`);
  return n * 1000;
}

export const workspaceCommand: Command = {
  name: 'workspace',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    if (values.help || positionals.length === 0) return console.log(USAGE), values.help ? 0 : 1;
    const [sub, ...rest] = positionals;
    const vault = new KeyFileVault();
    // Loaded here, not at the top: every other command starts without the sync engine.
    const { discardRefused, joinWorkspace, leaveWorkspace, listConflicts, listRefused, openSession, resolveConflict, syncWorkspace, workspaceStatus } = await import('../sync/workspace');
    return withContext(values.db, async (ctx) => {
      const db = ctx.db;
      switch (sub) {
        case 'join': {
          if (rest.length !== 1 || !values.token) throw new UsageError('join takes the server address and --token T: workbench workspace join ws://host:port --token T');
          const joined = await joinWorkspace(db, vault, { url: rest[0], token: values.token });
          if (!values.json) console.log(`Joined ${joined.url} as ${joined.member!.name} (${joined.role}). Syncing…`);
          let status = joined;
          try {
            status = await syncWorkspace(db, vault, seconds(values.timeout, 60_000));
          } catch (err) {
            if (!values.json) console.log(`Joined, but not synced yet: ${(err as Error).message}`);
          }
          printStatus(status, values.json);
          return 0;
        }
        case 'status':
          printStatus(workspaceStatus(db), values.json);
          return 0;
        case 'sync':
          printStatus(await syncWorkspace(db, vault, seconds(values.timeout, 60_000)), values.json);
          return 0;
        case 'leave': {
          const { left } = leaveWorkspace(db);
          console.log(left ? `Left ${left}; everything stays here as a local-only store.` : 'This store had not joined a workspace.');
          return 0;
        }
        case 'conflicts':
        case 'refused': {
          const session = openSession(db, vault);
          try {
            if (sub === 'refused') {
              if (rest[0] === 'discard') return console.log(`Discarded ${discardRefused(db, session)} refused changes.`), 0;
              const list = listRefused(db);
              if (values.json) printJson(list);
              else if (list.length === 0) console.log('No refused changes.');
              else for (const r of list) console.log(`${r.table} ${r.rowId} ${r.field} = ${show(r.value)}: ${r.reason}`);
              return 0;
            }
            if (rest[0] === 'resolve') {
              const pick = Number(values.pick);
              if (rest.length !== 2 || !Number.isInteger(pick)) throw new UsageError('resolve takes a conflict id and --pick N (the number of the choice).');
              const { conflictForJson } = await import('../sync/conflict-words');
              // In words before the pick: afterwards the other posts' places may have moved.
              const before = listConflicts(session).find((c) => c.id === rest[1]);
              const words = before && conflictForJson(db, session.docs, session.member.role, before);
              const c = resolveConflict(db, session, rest[1], pick);
              console.log(`Decided ${words ? `${words.what} of ${words.subject}: ${words.choices[pick - 1].shown}` : `${c.key}: ${show(c.choices[pick - 1].value)}`}. It syncs to everyone at the next sync.`);
              return 0;
            }
            const { conflictForJson } = await import('../sync/conflict-words');
            const list = listConflicts(session).map((c) => conflictForJson(db, session.docs, session.member.role, c));
            if (values.json) printJson(list);
            else printConflicts(list);
            return 0;
          } finally {
            session.close();
          }
        }
        default:
          throw new UsageError(`Unknown workspace command "${sub}": use join, status, sync, conflicts, refused or leave.`);
      }
    });
  },
};
