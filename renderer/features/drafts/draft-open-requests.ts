/**
 * What opening one draft asks the server for: the post with its body, and the workspace status
 * (whether the body is co-edited). DraftView takes both answers with `takeOrCall`. Started as the
 * address changes to the draft (or as the window boots on it), they are on their way while React
 * swaps the list for the draft view, rather than leaving only once that view has mounted: on the
 * 36,000-word draft, the server's answer and the swap then overlap instead of following each other.
 */
import type { Client } from '../../api/client';
import { startEarly } from '../../api/early';

/** The draft an address opens (#/drafts/<id>), or null for the list, the trash or another area. */
export function draftIdOf(rest: string[]): string | null {
  const [id] = rest;
  return id && id !== 'trash' ? id : null;
}

export function startDraftOpenRequests(client: Client, id: string): void {
  startEarly(client, 'posts.get', { id });
  startEarly(client, 'workspace.status', {});
}
