/**
 * A table as accessible HTML: the caption, header rows in <thead> with <th scope="col">, header
 * cells of a column with <th scope="row">, spans only where they are greater than one. The
 * table is shaped first (common/editor/table-shape.ts), so the grid is rectangular and every
 * span fits; what shaping changed becomes a warning. Wide tables scroll sideways inside a
 * labelled, focusable region so a keyboard user can scroll them too.
 */
import { TABLE_HEADER, type SerializedTableCell } from '../editor/serialized';
import { shapeTable } from '../editor/table-shape';
import { escapeAttr, escapeText } from './escape';
import { inlineText, renderInlines } from './inline';
import { nodeList, type RenderContext } from './context';

type RenderBlocks = (nodes: unknown, ctx: RenderContext) => string;

function cellContent(cell: SerializedTableCell, ctx: RenderContext, renderBlocks: RenderBlocks): string {
  const blocks = nodeList(cell.children);
  // One paragraph (the usual case) is the cell's text, with no <p> around it.
  if (blocks.length === 1 && blocks[0].type === 'paragraph') return renderInlines(blocks[0].children, ctx);
  return renderBlocks(blocks, ctx);
}

function spans(cell: SerializedTableCell): string {
  return `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
}

function renderCell(cell: SerializedTableCell, ctx: RenderContext, renderBlocks: RenderBlocks): string {
  const inner = cellContent(cell, ctx, renderBlocks);
  if (cell.headerState & TABLE_HEADER.row) return `<th scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}"${spans(cell)}>${inner}</th>`;
  if (cell.headerState & TABLE_HEADER.column) return `<th scope="${cell.rowSpan > 1 ? 'rowgroup' : 'row'}"${spans(cell)}>${inner}</th>`;
  return `<td${spans(cell)}>${inner}</td>`;
}

export function renderTable(node: Record<string, unknown>, ctx: RenderContext, renderBlocks: RenderBlocks): string {
  const n = ++ctx.tableCount;
  const { table, fixes } = shapeTable(node);
  const caption = table.$?.caption ?? '';
  for (const fix of fixes) ctx.warn('table-reshaped', `table ${n}${caption ? ` ("${caption.slice(0, 50)}")` : ''}: ${fix}`);
  const rows = table.children.map((row) => row.children);
  // Leading rows made only of column headers form the <thead>; a row span may not cross into the body.
  let head = 0;
  while (head < rows.length - 1 && rows[head].every((c) => c.headerState & TABLE_HEADER.row && c.rowSpan <= rows.length - head)) head++;
  if (head > 0 && rows.slice(0, head).some((cells, r) => cells.some((c) => r + c.rowSpan > head))) head = 0;
  const tr = (cells: SerializedTableCell[]) => `<tr>${cells.map((c) => renderCell(c, ctx, renderBlocks)).join('')}</tr>`;
  const parts = [
    caption ? `<caption>${escapeText(caption)}</caption>` : '',
    head ? `<thead>\n${rows.slice(0, head).map(tr).join('\n')}\n</thead>` : '',
    `<tbody>\n${rows.slice(head).map(tr).join('\n')}\n</tbody>`,
  ].filter(Boolean);
  const label = caption || `Table ${n}`;
  return `<div class="table-scroll" role="region" aria-label="${escapeAttr(label)}" tabindex="0">\n<table>\n${parts.join('\n')}\n</table>\n</div>`;
}

/** A table as plain text: the caption, then one line per row with cells separated by " | ". */
export function tableText(node: Record<string, unknown>, ctx: RenderContext): string {
  const { table } = shapeTable(node);
  const lines = table.children.map((row) =>
    row.children.map((cell) => nodeList(cell.children).map((b) => inlineText(b.children, ctx, true)).join(' ').replace(/\s+/g, ' ').trim()).join(' | '),
  );
  const caption = table.$?.caption ?? '';
  return [caption, ...lines].filter(Boolean).join('\n');
}
