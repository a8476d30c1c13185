import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props {
  count: number;
  /** A row's usual height: the estimate before a row is measured (rows may be taller or shorter). */
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
 * A windowed list (@tanstack/react-virtual): only the rows in view (plus a few either side) are in
 * the DOM, each measured once drawn, so rows of different heights (a reason line, a long name) sit
 * exactly and the scroll height follows. Focus stays on the list box; aria-activedescendant names
 * the active row, so screen readers follow j/k without any row being focusable.
 */
export function VirtualList({ count, rowHeight, activeIndex, renderRow, onRange, label, activeId, onKeyDown, multiselectable, resetKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const range = useRef({ first: -1, last: -1, count: -1 });
  const report = (first: number, last: number) => {
    const r = range.current;
    if (count === 0 || (r.first === first && r.last === last && r.count === count)) return;
    range.current = { first, last, count };
    onRange(first, last);
  };
  const v = useVirtualizer({
    count,
    getScrollElement: () => ref.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    // The first render has no element to measure yet, and a list sized 0 draws no rows: the pane
    // committed empty, then measured (a forced layout), drew its rows and measured them again (a
    // second one) before its first frame. The list is never taller than the window, so sized as
    // the window it draws every row that can show (a few spare at most) in its first commit, and
    // the real size corrects it in the same layout effect.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
    // Told on every scroll, before React renders: the rows are asked for one frame sooner after a
    // jump. Only from the range the scroll handler has just computed: asking for the items here
    // would lay out all `count` rows again for every row measured on first render (100,000 rows,
    // about 25 times), where React's one render after them needs it once.
    onChange: (inst) => {
      const r = inst.range;
      if (r && count > 0) report(Math.max(0, r.startIndex - OVERSCAN), Math.min(count - 1, r.endIndex + OVERSCAN));
    },
  });
  const items = v.getVirtualItems();

  useEffect(() => {
    v.scrollToOffset(0);
  }, [resetKey, v]);

  // Keep the active row in view when j/k moves past an edge.
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < count) v.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, count, v]);

  const first = items.length ? items[0].index : -1;
  const last = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (first >= 0) report(first, last);
  });

  return (
    <div
      ref={ref}
      className="vlist"
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiselectable || undefined}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="vlist__spacer" style={{ height: v.getTotalSize() }}>
        {items.map((item) => (
          <div key={item.key} ref={v.measureElement} data-index={item.index} role="presentation" className="vlist__row" style={{ transform: `translateY(${item.start}px)` }}>
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
