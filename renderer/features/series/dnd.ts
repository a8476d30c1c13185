/**
 * HTML5 drag and drop payloads. A custom MIME type keeps a dragged post from being mistaken for
 * text dropped from elsewhere (and keeps text drags out of our drop zones).
 */
import type { DragEvent } from 'react';

export const POST_MIME = 'application/x-workbench-post';

export function startPostDrag(e: DragEvent, postId: string): void {
  e.dataTransfer.setData(POST_MIME, postId);
  e.dataTransfer.setData('text/plain', postId);
  e.dataTransfer.effectAllowed = 'move';
}

/** Lets a post be dropped here (call from dragover / dragenter). */
export function acceptPostDrag(e: DragEvent): boolean {
  if (!e.dataTransfer.types.includes(POST_MIME)) return false;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'move';
  return true;
}

export function droppedPostId(e: DragEvent): string | null {
  const id = e.dataTransfer.getData(POST_MIME);
  if (!id) return null;
  e.preventDefault();
  return id;
}
