/**
 * A table as it arrives from storage, a paste or an import, brought into the one shape the
 * editor and the exporter can trust: rows of cells on a rectangular grid, spans that stay inside
 * it, no column or row that no cell starts in (the Nu checker rejects those), header bits in
 * range, no table inside a cell, a caption of bounded plain text. Lexical computes a cell map
 * from the spans as given, so a colSpan of a billion would hang the editor: this runs first.
 */
import {
  build,
  type SerializedBlock,
  type SerializedEditorState,
  type SerializedTable,
  type SerializedTableCell,
  type TableHeaderState,
} from './serialized';

export const MAX_TABLE_ROWS = 1000;
export const MAX_TABLE_COLUMNS = 64;
export const MAX_CAPTION_LENGTH = 500;

export interface TableShape {
  table: SerializedTable;
  /** What was changed, in words a person understands (empty when the table was already sound). */
  fixes: string[];
}

type Obj = Record<string, unknown>;

function objects(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter((n): n is Obj => typeof n === 'object' && n !== null && !Array.isArray(n)) : [];
}

function whole(value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : min;
  return Math.min(Math.max(n, min), max);
}

export function tableCaption(node: Obj): string {
  const state = node.$;
  const raw = typeof state === 'object' && state !== null ? (state as Obj).caption : undefined;
  return typeof raw === 'string' ? raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_CAPTION_LENGTH) : '';
}

/** A cell's blocks: a table inside a cell gives up its cells' blocks in reading order. */
function cellBlocks(children: unknown, fixes: Set<string>): SerializedBlock[] {
  const out: SerializedBlock[] = [];
  for (const child of objects(children)) {
    if (child.type === 'table') {
      fixes.add('a table inside a table cell was flattened into the cell’s text');
      for (const row of objects(child.children)) for (const cell of objects(row.children)) out.push(...cellBlocks(cell.children, fixes));
    } else if (child.type === 'tablerow' || child.type === 'tablecell') {
      fixes.add('a stray table row or cell inside a cell was flattened into the cell’s text');
      out.push(...cellBlocks(child.children, fixes));
    } else out.push(child as unknown as SerializedBlock);
  }
  return out.length ? out : [build.paragraph([])];
}

interface Placed {
  cell: SerializedTableCell;
  row: number;
  col: number;
}

export function shapeTable(node: Obj): TableShape {
  const fixes = new Set<string>();
  const rowNodes = objects(node.children);
  const rows = rowNodes.filter((r) => r.type === 'tablerow');
  if (rows.length !== rowNodes.length) fixes.add('content that was not a table row was left out of a table');
  if (rows.length > MAX_TABLE_ROWS) fixes.add(`a table with ${rows.length} rows was cut to its first ${MAX_TABLE_ROWS}`);
  const kept = rows.slice(0, MAX_TABLE_ROWS);

  // Place every cell on the grid, skipping slots that a row span from above already covers.
  const covered: boolean[][] = kept.map(() => []);
  const placed: Placed[] = [];
  kept.forEach((row, r) => {
    let col = 0;
    for (const raw of objects(row.children)) {
      if (raw.type !== 'tablecell') {
        fixes.add('content that was not a table cell was left out of a table row');
        continue;
      }
      while (covered[r][col]) col++;
      if (col >= MAX_TABLE_COLUMNS) {
        fixes.add(`cells beyond a table’s ${MAX_TABLE_COLUMNS}th column were left out`);
        break;
      }
      const colSpan = whole(raw.colSpan, 1, MAX_TABLE_COLUMNS - col);
      const rowSpan = whole(raw.rowSpan, 1, kept.length - r);
      const header = whole(raw.headerState, 0, 3) as TableHeaderState;
      const cell = build.tableCell(cellBlocks(raw.children, fixes), header, colSpan, rowSpan);
      for (let y = r; y < r + rowSpan; y++) for (let x = col; x < col + colSpan; x++) covered[y][x] = true;
      placed.push({ cell, row: r, col });
      col += colSpan;
    }
  });

  // Only columns and rows in which a cell starts are real: a span over others (a colSpan of a
  // billion, a rowSpan past the last row) is cut to the real ones. HTML calls the rest an error.
  const colIndex = realIndex(placed.map((p) => p.col));
  const rowIndex = realIndex(placed.map((p) => p.row));
  for (const p of placed) {
    const colSpan = colIndex.spanOf(p.col, p.cell.colSpan);
    const rowSpan = rowIndex.spanOf(p.row, p.cell.rowSpan);
    if (colSpan !== p.cell.colSpan || rowSpan !== p.cell.rowSpan) fixes.add('a cell that spanned beyond its table was cut to fit');
    p.cell.colSpan = colSpan;
    p.cell.rowSpan = rowSpan;
    p.col = colIndex.of(p.col);
    p.row = rowIndex.of(p.row);
  }
  const height = rowIndex.count;

  // Ragged rows: fill each row's free slots with empty cells (appended cells take them left to right).
  const taken: boolean[][] = Array.from({ length: height }, () => []);
  for (const p of placed) for (let y = p.row; y < p.row + p.cell.rowSpan; y++) for (let x = p.col; x < p.col + p.cell.colSpan; x++) taken[y][x] = true;
  const width = Math.max(1, ...taken.map((t) => t.length));
  taken.forEach((t, r) => {
    let added = 0;
    for (let x = 0; x < width; x++) {
      if (t[x]) continue;
      placed.push({ cell: build.tableCell([], 0), row: r, col: x });
      added++;
    }
    if (added) fixes.add('rows with fewer cells than the table is wide were filled with empty cells');
  });
  if (height < kept.length) fixes.add('a row with no cells of its own was left out of a table');

  const byRow: Placed[][] = Array.from({ length: height }, () => []);
  for (const p of placed) byRow[p.row].push(p);
  const outRows = byRow.map((cells) => build.tableRow(cells.sort((a, b) => a.col - b.col).map((p) => p.cell)));
  if (!outRows.length) {
    fixes.add('an empty table was given one empty cell');
    outRows.push(build.tableRow([build.tableCell([])]));
  }
  return { table: build.table(outRows, tableCaption(node)), fixes: [...fixes] };
}

/** Renumbers grid lines so only those where a cell starts remain. */
function realIndex(starts: number[]) {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  const at = new Map(sorted.map((v, i) => [v, i]));
  const of = (line: number) => at.get(line) ?? sorted.filter((v) => v < line).length;
  return {
    count: sorted.length,
    of,
    /** How many real lines a span from `start` over `span` lines covers (at least its own). */
    spanOf: (start: number, span: number) => Math.max(1, of(start + span) - of(start)),
  };
}

/**
 * The body with every top-level table shaped. Returns the same object when there is no table
 * (a long draft without tables pays one pass over its top-level blocks).
 */
export function shapeTables(body: SerializedEditorState): { body: SerializedEditorState; fixes: string[] } {
  const children = objects(body.root?.children);
  if (!children.some((c) => c.type === 'table')) return { body, fixes: [] };
  const fixes: string[] = [];
  const shaped = children.map((c) => {
    if (c.type !== 'table') return c;
    const s = shapeTable(c);
    for (const f of s.fixes) if (!fixes.includes(f)) fixes.push(f);
    return s.table;
  });
  return { body: { ...body, root: { ...body.root, children: shaped as unknown as SerializedBlock[] } }, fixes };
}
