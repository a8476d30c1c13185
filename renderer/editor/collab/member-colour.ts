/**
 * Each member's colour for carets, selections and the list of who is in a draft: picked from the
 * member's id, so a member has the same colour on every laptop and in every draft. Every colour
 * carries white text (the caret's name label) at a contrast of at least 4.5:1.
 */
export const MEMBER_COLOURS = ['#1a56b0', '#a4262c', '#1e6b34', '#5b3cc4', '#8a4a00', '#00695c', '#ad1457', '#37474f'] as const;

/** The member's place in MEMBER_COLOURS. */
function colourIndex(memberId: string): number {
  let h = 0;
  for (let i = 0; i < memberId.length; i++) h = (h * 31 + memberId.charCodeAt(i)) >>> 0;
  return h % MEMBER_COLOURS.length;
}

export function memberColour(memberId: string): string {
  return MEMBER_COLOURS[colourIndex(memberId)];
}

/**
 * The class that gives an element the member's colour as `--member-colour` (member-colours.css).
 * A shared class, not an inline custom property per element: hundreds of suggestions in a long
 * draft then share their computed style instead of each carrying its own declaration block.
 */
export function memberColourClass(memberId: string): string {
  return `member-colour-${colourIndex(memberId)}`;
}
