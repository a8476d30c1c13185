import type { KeyboardEventHandler } from 'react';
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import './dnd.css';

interface Props {
  /** What is moved, for the button's name: `Move “name”`. */
  name: string;
  attributes: DraggableAttributes;
  /** Only the keyboard listener is used here; the pointer one sits on the whole item. */
  listeners: DraggableSyntheticListeners;
  setRef: (el: HTMLElement | null) => void;
}

/** The keyboard's grip on a draggable item that holds links or controls: focus it, Space to pick up. */
export function DragHandle({ name, attributes, listeners, setRef }: Props) {
  return (
    <button
      type="button"
      className="drag-handle"
      data-drag-handle
      aria-label={`Move “${name}”`}
      ref={setRef}
      {...attributes}
      onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}
