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

  // A column span is cut to the widest row, counting each span at most as wide as the row with
  // the most cells: a legitimate [2][2] over [4] keeps its spans, a span of a billion does not.
  const cellCounts = kept.map((r) => objects(r.children).filter((c) => c.type === 'tablecell'));
  const most = Math.max(1, ...cellCounts.map((cells) => cells.length));
  const widest = Math.max(1, ...cellCounts.map((cells) => cells.reduce((sum, c) => sum + whole(c.colSpan, 1, most), 0)));
  const spanLimit = Math.min(widest, MAX_TABLE_COLUMNS);

  // Place every cell on the grid, skipping slots that a row span from above already covers.
  const taken: boolean[][] = kept.map(() => []);
  const placed: Placed[] = [];
  kept.forEach((row, r) => {
    let col = 0;
    for (const raw of objects(row.children)) {
      if (raw.type !== 'tablecell') {
        fixes.add('content that was not a table cell was left out of a table row');
        continue;
      }
      while (taken[r][col]) col++;
      if (col >= MAX_TABLE_COLUMNS) {
        fixes.add(`cells beyond a table’s ${MAX_TABLE_COLUMNS}th column were left out`);
        break;
      }
      const colSpan = whole(raw.colSpan, 1, Math.max(1, Math.min(spanLimit, MAX_TABLE_COLUMNS) - col));
      const rowSpan = whole(raw.rowSpan, 1, kept.length - r);
      if (colSpan !== (raw.colSpan ?? 1) || rowSpan !== (raw.rowSpan ?? 1)) fixes.add('a cell that spanned beyond its table was cut to fit');
      const header = whole(raw.headerState, 0, 3) as TableHeaderState;
      const cell = build.tableCell(cellBlocks(raw.children, fixes), header, colSpan, rowSpan);
      for (let y = r; y < r + rowSpan; y++) for (let x = col; x < col + colSpan; x++) taken[y][x] = true;
      placed.push({ cell, row: r, col });
      col += colSpan;
    }
  });

  // Ragged rows: fill each row's free slots with empty cells (appended cells take them left to right).
  const width = Math.max(1, ...taken.map((t) => t.length));
  taken.forEach((t, r) => {
    let added = 0;
    for (let x = 0; x < width; x++) {
      if (t[x]) continue;
      t[x] = true;
      placed.push({ cell: build.tableCell([], 0), row: r, col: x });
      added++;
    }
    if (added && kept.length) fixes.add('rows with fewer cells than the table is wide were filled with empty cells');
  });

  // A column or row in which no cell starts is an error in HTML: drop it by shrinking the spans over it.
  const colStarts = new Set(placed.map((p) => p.col));
  const rowStarts = new Set(placed.map((p) => p.row));
  for (const p of placed) {
    const { colSpan, rowSpan } = p.cell;
    let cs = 0;
    for (let x = p.col; x < p.col + colSpan; x++) if (colStarts.has(x)) cs++;
    let rs = 0;
    for (let y = p.row; y < p.row + rowSpan; y++) if (rowStarts.has(y)) rs++;
    if (cs !== colSpan || rs !== rowSpan) fixes.add('a cell spanning a column or row that held no cell of its own was narrowed');
    p.cell.colSpan = cs;
    p.cell.rowSpan = rs;
  }

  const byRow: Placed[][] = kept.map(() => []);
  for (const p of placed) byRow[p.row].push(p);
  const outRows = byRow
    .map((cells) => cells.sort((a, b) => a.col - b.col).map((p) => p.cell))
    .filter((cells) => cells.length > 0)
    .map((cells) => build.tableRow(cells));
  if (!outRows.length) {
    fixes.add('an empty table was given one empty cell');
    outRows.push(build.tableRow([build.tableCell([])]));
  }
  return { table: build.table(outRows, tableCaption(node)), fixes: [...fixes] };
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
