/**
 * Whether a draft's body is co-edited (the store has joined a team workspace) and as whom. A
 * local-only store loads and saves the body as it always did.
 */
import { canWrite, documentName } from '../../../common/sync/documents';
import { secretFromPage, type Client } from '../../api/client';
import type { CoEditSettings } from '../../editor/collab/CoEditPlugin';
import { memberColour } from '../../editor/collab/member-colour';

export async function coEditSettings(client: Client, postId: string): Promise<CoEditSettings | null> {
  const secret = secretFromPage();
  // The stream lives on browser mode's loopback server; a page without its secret has none.
  if (!secret) return null;
  const s = await client.call('workspace.status', {}).catch(() => null);
  if (!s?.joined || !s.member || !s.role) return null;
  return {
    docName: documentName({ kind: 'body', id: postId }),
    secret,
    member: s.member,
    colour: memberColour(s.member.id),
    readOnly: !canWrite(s.role, 'body'),
  };
}
