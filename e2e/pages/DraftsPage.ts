/** Page model of the drafts list and the side panels of an open draft. */
import type { Locator, Page } from '@playwright/test';

export class DraftsPage {
  readonly rows: Locator;
  readonly search: Locator;
  readonly importInput: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('draft-row');
    this.search = page.getByRole('searchbox', { name: 'Search drafts' });
    this.importInput = page.getByLabel('Import a draft file (.docx, .md, .html, .txt)');
  }

  async open(url: string, trash = false): Promise<void> {
    await this.page.goto(`${url}#/drafts${trash ? '/trash' : ''}`);
    // The fixture already opened the app: a hash change alone would keep the list loaded before the test's data.
    await this.page.reload();
    await this.page.getByRole('heading', { level: 1, name: trash ? 'Trash' : 'Drafts' }).waitFor();
  }

  filter(name: 'Status' | 'Series' | 'Author' | 'Sort by'): Locator {
    return this.page.getByRole('search', { name: 'Find drafts' }).getByLabel(name, { exact: true });
  }

  titles(): Promise<string[]> {
    return this.rows.locator('.drafts-list__title').allInnerTexts();
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }
}

export function panels(page: Page) {
  const details = page.getByRole('complementary', { name: 'Post details' });
  return {
    details,
    revisions: details.getByRole('region', { name: 'Revisions' }),
    field: (label: string) => details.getByLabel(label, { exact: true }),
  };
}
