import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  count: number;
  rowHeight: number;
  /** The row that has the keyboard focus; kept in view. */
  activeIndex: number;
  renderRow: (index: number) => ReactNode;
  /** Told which rows are on screen, so their data can be fetched. */
  onRange: (first: number, last: number) => void;
  label: string;
  activeId: string | undefined;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  multiselectable?: boolean;
  /** When this changes (a new filter) the list scrolls back to the top. */
  resetKey?: string;
}

const OVERSCAN = 6;

/**
 * A windowed list with fixed row heights: a spacer as tall as every row together, and only the
 * rows in view (plus a few either side) in the DOM. Focus stays on the list box;
 * aria-activedescendant names the active row, so screen readers follow j/k without any row
 * being focusable.
 */
export function VirtualList({ count, rowHeight, activeIndex, renderRow, onRange, label, activeId, onKeyDown, multiselectable, resetKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  // Keep the active row in view when j/k moves past an edge.
  useEffect(() => {
    const el = ref.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [activeIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);

  useEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, onRange]);

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div key={i} role="presentation" className="vlist__row" style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      className="vlist"
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiselectable || undefined}
      aria-activedescendant={activeId}
      tabIndex={0}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        setScrollTop(top);
        // Ask for the rows now rather than after the next render: one frame sooner after a jump.
        if (count > 0) onRange(Math.max(0, Math.floor(top / rowHeight) - OVERSCAN), Math.min(count - 1, Math.ceil((top + height) / rowHeight) + OVERSCAN));
      }}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="vlist__spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
