/** The exact publish output of the open draft, in a sandboxed frame. */
export interface PreviewPaneProps {
  postId: string;
  /** Bumped by the editor after each acknowledged save, so the preview refreshes (debounced). */
  revision: number;
}

export function PreviewPane(_props: PreviewPaneProps) {
  return null;
}
