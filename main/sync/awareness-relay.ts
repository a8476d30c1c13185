/**
 * Carets and selections between the windows on this laptop and the team server, relayed by the
 * main process through two y-protocols Awareness instances: the window side (the loopback
 * Hocuspocus document's) and the team side (main's provider to the team server).
 *
 * Each side keeps its own clock per client, so a relayed state is re-stamped with a clock the
 * receiving side takes: one past the last it saw. Relaying the sender's clock as it is loses
 * states across a reconnection: a provider whose socket closes drops every state it relayed but
 * keeps their clocks, and the same state sent again at the same clock is ignored, so a colleague's
 * caret stayed away until they next moved it (and ours, at their end, until we moved ours).
 */
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * `from`'s states of these clients as one update that `to` applies (removals only of what `to`
 * shows). `sent` holds the last clock relayed to `to` for each client: the far end (the team
 * server) may remember it after `to` forgot it.
 */
function restamped(from: Awareness, to: Awareness, clients: number[], sent: Map<number, number>): Uint8Array | null {
  const entries: Array<[number, number, unknown]> = [];
  for (const c of clients) {
    const state = from.getStates().get(c) ?? null;
    const toClock = to.meta.get(c)?.clock;
    if (state !== null) {
      const clock = Math.max(from.meta.get(c)?.clock ?? 0, Math.max(toClock ?? 0, sent.get(c) ?? 0) + 1);
      sent.set(c, clock);
      entries.push([c, clock, state]);
    } else if (toClock !== undefined && to.getStates().has(c)) entries.push([c, toClock, null]);
  }
  if (entries.length === 0) return null;
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const [c, clock, state] of entries) {
    encoding.writeVarUint(enc, c);
    encoding.writeVarUint(enc, clock);
    encoding.writeVarString(enc, JSON.stringify(state));
  }
  return encoding.toUint8Array(enc);
}

const FROM_TEAM = Symbol('from-team');
const FROM_WINDOWS = Symbol('from-windows');

/**
 * Relays both ways until the returned function is called. Window clients are never echoed back to
 * the windows from the team side; main's own (empty) team state is never shown to them.
 * `onTeamSynced` reports each (re)connection to the team server: the windows' states go out again.
 */
export function relayAwareness(windows: Awareness, team: Awareness, onTeamSynced?: (listener: () => void) => () => void): () => void {
  const local = new Set<number>();
  const sent = new Map<Awareness, Map<number, number>>([[windows, new Map()], [team, new Map()]]);
  const send = (from: Awareness, to: Awareness, clients: number[], origin: symbol) => {
    const update = restamped(from, to, clients, sent.get(to)!);
    if (update) applyAwarenessUpdate(to, update, origin);
  };
  const windowSide = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === FROM_TEAM) return;
    for (const c of added) local.add(c);
    send(windows, team, [...added, ...updated, ...removed], FROM_WINDOWS);
    for (const c of removed) {
      local.delete(c);
      sent.get(team)!.delete(c);
    }
  };
  const teamSide = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === FROM_WINDOWS) return;
    send(team, windows, [...added, ...updated, ...removed].filter((c) => c !== team.clientID && !local.has(c)), FROM_TEAM);
  };
  windows.on('update', windowSide);
  send(team, windows, [...team.getStates().keys()].filter((c) => c !== team.clientID), FROM_TEAM);
  team.on('update', teamSide);
  const offSynced = onTeamSynced?.(() => send(windows, team, [...local], FROM_WINDOWS));
  return () => {
    windows.off('update', windowSide);
    team.off('update', teamSide);
    offSynced?.();
  };
}
