/**
 * The sensors every drag in the window uses: the mouse or a finger after a 4 px move, and the
 * keyboard (Space or Enter picks up and drops, Escape cancels).
 */
import { KeyboardSensor, PointerSensor, useSensor, useSensors, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { PointerEvent } from 'react';

/** Presses on these start their own work (typing, choosing, following a link), never a drag. */
const OWN_WORK = 'input, textarea, select, option, button:not([data-drag-handle]), a, label, [contenteditable="true"]';

/**
 * A pointer sensor for items that hold controls (a running-order row, a board card): the item can be
 * grabbed anywhere except on a control or a link, so a click still clicks and a link never follows
 * a drop.
 */
export class ItemPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (event: PointerEvent, options: Parameters<(typeof PointerSensor.activators)[0]['handler']>[1]) =>
        !(event.target instanceof Element && event.target.closest(OWN_WORK)) && PointerSensor.activators[0].handler(event, options),
    },
  ];
}

export function useDragSensors(coordinateGetter?: KeyboardCoordinateGetter) {
  return useSensors(useSensor(ItemPointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, coordinateGetter ? { coordinateGetter } : {}));
}
