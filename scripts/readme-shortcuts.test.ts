import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { README_END, README_START, shortcutTableMarkdown } from '../renderer/editor/shortcut-table';

describe("the README's editor shortcuts", () => {
  it('are the keymap the editor uses, key for key', () => {
    const readme = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md'), 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    expect(start, 'README.md has the shortcuts table markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    // On a mismatch the expected table is printed: paste it between the markers.
    expect(readme.slice(start + README_START.length, end).trim()).toBe(shortcutTableMarkdown());
  });

  it('name the headings, pull quote, footnote and picture keys with Ctrl+Alt', () => {
    const table = shortcutTableMarkdown();
    for (const row of ['| Heading 2 | Ctrl+Alt+2 |', '| Pull quote | Ctrl+Alt+Q |', '| Footnote | Ctrl+Alt+F |', '| Picture | Ctrl+Alt+M |']) expect(table).toContain(row);
  });
});
