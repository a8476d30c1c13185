/**
 * Whether a draft's body is co-edited (the store has joined a team workspace) and as whom. A
 * local-only store loads and saves the body as it always did.
 */
import { canWrite, documentName } from '../../../common/sync/documents';
import { secretFromPage, type Client } from '../../api/client';
import { takeOrCall } from '../../api/early';
import type { CoEditSettings } from '../../editor/collab/CoEditPlugin';
import { streamUrl } from '../../editor/collab/stream-url';
import { memberColour } from '../../editor/collab/member-colour';

/**
 * Where the body's live stream is: browser mode's page has the secret in its own HTML and the
 * stream on its own server; the desktop window asks main (over its IPC channel) for its loopback one.
 */
async function streamEndpoint(client: Client): Promise<{ url: string; secret: string } | null> {
  const secret = secretFromPage();
  if (secret) return { url: streamUrl(), secret };
  return client.call('coedit.stream', {}).catch(() => null);
}

export async function coEditSettings(client: Client, postId: string): Promise<CoEditSettings | null> {
  const [stream, s] = await Promise.all([streamEndpoint(client), takeOrCall(client, 'workspace.status', {}).catch(() => null)]);
  if (!stream || !s?.joined || !s.member || !s.role) return null;
  return {
    docName: documentName({ kind: 'body', id: postId }),
    ...stream,
    member: s.member,
    colour: memberColour(s.member.id),
    // A guest author writes suggestions only (held in suggestion mode; the server checks each update).
    readOnly: !canWrite(s.role, 'body') && s.role !== 'guest-author',
    role: s.role,
  };
}
