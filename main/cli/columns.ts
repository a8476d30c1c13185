/**
 * Rows printed as columns, each as wide as its widest cell (counted in characters, not UTF-16
 * units, so a title in another script lines up too); the last column is left ragged.
 */
export function columnLines(rows: string[][]): string[] {
  if (!rows.length) return [];
  const width = (cell: string) => Array.from(cell).length;
  const widths = rows[0].slice(0, -1).map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((cell, i) => (i < widths.length ? cell + ' '.repeat(widths[i] - width(cell)) : cell)).join('  ').trimEnd());
}
