import type { ReactNode } from 'react';

export interface Mark {
  start: number;
  end: number;
  kind: 'match' | 'note';
  /** Shown as the mark's title, e.g. the annotation's tag. */
  title?: string;
}

/**
 * Plain text with some spans marked. Text goes in as React text nodes, never as HTML, so a
 * comment's characters cannot become markup. Overlapping marks are cut where they meet.
 */
export function HighlightedText({ text, marks, limit }: { text: string; marks: Mark[]; limit?: number }) {
  const shown = limit && text.length > limit ? text.slice(0, limit) : text;
  const cuts = new Set<number>([0, shown.length]);
  for (const m of marks) {
    if (m.start < shown.length) cuts.add(Math.max(0, m.start));
    if (m.end < shown.length) cuts.add(Math.max(0, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = shown.slice(a, b);
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    if (!over.length) parts.push(piece);
    else {
      const kinds = [...new Set(over.map((m) => m.kind))].join(' ');
      const title = over.map((m) => m.title).filter(Boolean).join('; ') || undefined;
      parts.push(
        <mark key={a} className={`hl ${kinds.split(' ').map((k) => `hl--${k}`).join(' ')}`} title={title}>
          {piece}
        </mark>,
      );
    }
  }
  return (
    <>
      {parts}
      {shown.length < text.length ? '…' : null}
    </>
  );
}
