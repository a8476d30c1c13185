/**
 * The window stream of a running app (browser mode; the desktop app uses the same loopback
 * endpoint): draft bodies of the joined workspace, lent from the live session's documents and
 * linked to the team server with presence. Loaded on the first upgrade, so a local-only app never
 * loads the sync engine.
 */
import { canWrite, parseDocumentName } from '../../common/sync/documents';
import { mayWriteBody } from '../../common/sync/body-writes';
import type { Ctx } from '../context';
import { markSeen, recordAuthor } from './body-away';
import { liveSession } from './live';
import { TeamPresence } from './team-presence';
import { tokenVault } from './token-vault';
import { refuse, WindowStream, type StreamSource } from './window-stream';

const streams = new WeakMap<Ctx, WindowStream>();

function bodySource(ctx: Ctx): StreamSource {
  let presence: TeamPresence | undefined;
  const sessionFor = (name: string) => {
    const ref = parseDocumentName(name);
    if (!ref || ref.kind !== 'body') throw refuse(`unknown-document: "${name.slice(0, 100)}" is not a draft body`);
    const session = liveSession(ctx);
    if (!session) throw refuse('local-only: this store has not joined a team workspace, so its drafts are saved, not co-edited');
    if (!ctx.db.prepare('SELECT 1 FROM posts WHERE id = ?').get(ref.id)) throw refuse(`not-found: there is no post ${ref.id}`);
    return { session, postId: ref.id! };
  };
  return {
    check: (name) => {
      const { member, workspace } = sessionFor(name).session;
      // A guest author writes suggestions only: each update is checked as the team server does.
      if (member.role === 'guest-author') return { readOnly: false, mayWrite: (update, current) => mayWriteBody({ role: member.role, memberId: workspace.member_id }, update, current) };
      return { readOnly: !canWrite(member.role, 'body') };
    },
    open: (name) => {
      const { session, postId } = sessionFor(name);
      presence ??= new TeamPresence(session.workspace.url, tokenVault().open(session.workspace.token_sealed));
      const doc = session.bodies.open(postId);
      const held = presence.hold(name, doc);
      const me = { id: session.workspace.member_id, name: session.workspace.member_name };
      return {
        doc,
        awareness: held.awareness,
        onTeamSynced: held.onSynced,
        author: (update) => recordAuthor(doc, update, me),
        release: () => {
          held.release();
          session.bodies.release(postId);
          // The last window on this laptop closed the draft: what it showed is now seen.
          if (ctx.db.open) markSeen(ctx.db, me.id, postId, doc);
        },
      };
    },
    close: () => presence?.close(),
  };
}

export function windowStream(ctx: Ctx, secret: string): WindowStream {
  let stream = streams.get(ctx);
  if (!stream) {
    stream = new WindowStream(bodySource(ctx), secret);
    streams.set(ctx, stream);
  }
  return stream;
}

export function closeWindowStream(ctx: Ctx): void {
  streams.get(ctx)?.close();
  streams.delete(ctx);
}
