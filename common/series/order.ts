/**
 * Position arithmetic for a series' running order, on plain id arrays: the store loads the
 * ordered ids, changes the array here, then writes positions 1..n back in one transaction.
 * Keeping it pure makes "dense and unique" something a test can check on every operation.
 */
export class PositionError extends Error {}

function checkPosition(position: number, max: number, what: string): void {
  if (!Number.isInteger(position) || position < 1 || position > max) {
    throw new PositionError(`${what} ${position} is out of range: use a position from 1 to ${max}`);
  }
}

/** Inserts id at a 1-based position (default: the end); every later post moves down one. */
export function insertAt(order: readonly string[], id: string, position = order.length + 1): string[] {
  checkPosition(position, order.length + 1, 'position');
  const next = order.filter((x) => x !== id);
  next.splice(position - 1, 0, id);
  return next;
}

/** Moves an id already in the order to a 1-based position. */
export function moveTo(order: readonly string[], id: string, position: number): string[] {
  if (!order.includes(id)) throw new PositionError(`post ${id} is not in this series`);
  checkPosition(position, order.length, 'position');
  const next = order.filter((x) => x !== id);
  next.splice(position - 1, 0, id);
  return next;
}

export function removeFrom(order: readonly string[], id: string): string[] {
  if (!order.includes(id)) throw new PositionError(`post ${id} is not in this series`);
  return order.filter((x) => x !== id);
}
