import { describe, expect, it } from 'vitest';
import { build, type SerializedTableCell } from './serialized';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, shapeTable, shapeTables } from './table-shape';
import { roundTrip } from './nodes/roundtrip';

const cell = (text: string, header: 0 | 1 | 2 | 3 = 0, colSpan = 1, rowSpan = 1) =>
  build.tableCell([build.paragraph(text ? [build.text(text)] : [])], header, colSpan, rowSpan);
const texts = (cells: SerializedTableCell[]) => cells.map((c) => ((c.children[0] as any).children[0]?.text ?? ''));
const grid = (t: { children: { children: SerializedTableCell[] }[] }) => t.children.map((r) => texts(r.children));

describe('table nodes in the serialized format', () => {
  it('a table with a header row, a header column and a caption survives the editor unchanged', () => {
    const state = build.root([
      build.table(
        [
          build.tableRow([cell('', 3), cell('2024', 1), cell('2025', 1)]),
          build.tableRow([cell('Wards', 2), cell('12'), cell('14')]),
          build.tableRow([cell('Beds', 2), cell('300', 0, 2)]),
        ],
        'Capacity by year',
      ),
    ]);
    expect(roundTrip(state)).toEqual(state);
  });

  it('a sound table is left as it is, with no fixes', () => {
    const table = build.table([build.tableRow([cell('a', 1), cell('b', 1)]), build.tableRow([cell('c'), cell('d')])], 'Cap');
    const shaped = shapeTable(table as any);
    expect(shaped.fixes).toEqual([]);
    expect(shaped.table).toEqual(table);
  });
});

describe('shaping a hostile or odd table', () => {
  it('fills ragged rows with empty cells so the grid is rectangular', () => {
    const { table, fixes } = shapeTable(build.table([build.tableRow([cell('a'), cell('b'), cell('c')]), build.tableRow([cell('d')])]) as any);
    expect(grid(table)).toEqual([['a', 'b', 'c'], ['d', '', '']]);
    expect(fixes).toContain('rows with fewer cells than the table is wide were filled with empty cells');
  });

  it('cuts a huge column span to the width of the other rows', () => {
    const { table, fixes } = shapeTable(build.table([build.tableRow([cell('wide', 0, 1_000_000_000)]), build.tableRow([cell('x'), cell('y')])]) as any);
    expect(table.children[0].children[0].colSpan).toBe(2);
    expect(grid(table)).toEqual([['wide'], ['x', 'y']]);
    expect(fixes).toContain('a cell that spanned beyond its table was cut to fit');
  });

  it('cuts a huge row span to the rows left, and keeps legitimate spans', () => {
    const { table } = shapeTable(
      build.table([
        build.tableRow([cell('tall', 0, 1, 1e9), cell('a', 0, 2)]),
        build.tableRow([cell('b'), cell('c')]),
        build.tableRow([cell('d', 0, 2)]),
      ]) as any,
    );
    expect(table.children.map((r) => r.children.map((c) => [c.colSpan, c.rowSpan]))).toEqual([[[1, 3], [2, 1]], [[1, 1], [1, 1]], [[2, 1]]]);
  });

  it('narrows spans over a column in which no cell starts (an HTML error)', () => {
    const { table } = shapeTable(build.table([build.tableRow([cell('a', 0, 3)]), build.tableRow([cell('b', 0, 3)])]) as any);
    expect(table.children.map((r) => r.children.map((c) => c.colSpan))).toEqual([[1], [1]]);
  });

  it('drops a row that only row spans cover and shortens those spans', () => {
    const { table } = shapeTable(
      build.table([build.tableRow([cell('a', 0, 1, 2), cell('b', 0, 1, 2)]), build.tableRow([]), build.tableRow([cell('c'), cell('d')])]) as any,
    );
    expect(table.children).toHaveLength(2);
    expect(table.children[0].children.map((c) => c.rowSpan)).toEqual([1, 1]);
  });

  it('reads junk without throwing: non-row children, bad numbers, a nested table, a caption with control characters', () => {
    const nested = build.table([build.tableRow([cell('inner')])]);
    const { table, fixes } = shapeTable({
      type: 'table',
      $: { caption: 'Line\u0000one\nand two' },
      children: [
        'text',
        null,
        { type: 'paragraph', children: [] },
        { type: 'tablerow', children: [{ type: 'tablecell', colSpan: 'x', rowSpan: -4, headerState: 99, children: [nested] }, 7] },
      ],
    });
    expect(table.$).toEqual({ caption: 'Line one and two' });
    expect(table.children[0].children[0]).toMatchObject({ colSpan: 1, rowSpan: 1, headerState: 3 });
    expect(texts(table.children[0].children)).toEqual(['inner']);
    expect(fixes).toEqual(
      expect.arrayContaining(['content that was not a table row was left out of a table', 'a table inside a table cell was flattened into the cell’s text']),
    );
  });

  it('caps rows and columns', () => {
    const wideRow = build.tableRow(Array.from({ length: MAX_TABLE_COLUMNS + 10 }, (_, i) => cell(String(i))));
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, () => wideRow);
    const { table, fixes } = shapeTable(build.table(rows) as any);
    expect(table.children).toHaveLength(MAX_TABLE_ROWS);
    expect(table.children[0].children).toHaveLength(MAX_TABLE_COLUMNS);
    expect(fixes).toContain(`a table with ${MAX_TABLE_ROWS + 5} rows was cut to its first ${MAX_TABLE_ROWS}`);
  });

  it('an empty table gets one empty cell, and a cell with no blocks gets a paragraph', () => {
    expect(grid(shapeTable({ type: 'table', children: [] }).table)).toEqual([['']]);
    const { table } = shapeTable({ type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [] }] }] });
    expect(table.children[0].children[0].children).toEqual([build.paragraph([])]);
  });

  it('the shaped table loads into the editor and comes back unchanged', () => {
    const { body } = shapeTables({
      root: { ...build.root([]).root, children: [{ type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', colSpan: 50 }] }, { type: 'tablerow' }] } as any] },
    });
    expect(roundTrip(body)).toEqual(body);
  });

  it('leaves a body without tables as the same object', () => {
    const body = build.root([build.paragraph([build.text('x')])]);
    expect(shapeTables(body).body).toBe(body);
  });
});

describe('a table in the plain text the store keeps for search and counts', () => {
  it('gives the caption and one line per cell', async () => {
    const { editorStateText } = await import('./state-text');
    const body = build.root([build.paragraph([build.text('Before')]), build.table([build.tableRow([cell('a', 1), cell('b', 1)]), build.tableRow([cell('c'), cell('d')])], 'Beds')]);
    expect(editorStateText(body as never)).toBe('Before\nBeds\na\nb\nc\nd');
  });
});
