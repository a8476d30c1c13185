/** Page model of an open draft: the body editor, its toolbar and the saved state as the server has it. */
import type { Page, Locator } from '@playwright/test';
import { expect } from '@playwright/test';
import { callApi } from '../server';

export class EditorPage {
  readonly body: Locator;
  readonly toolbar: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.body = page.getByRole('textbox', { name: 'Draft text' });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    this.saveStatus = page.locator('.statusbar__save');
  }

  /** Creates a draft over the API and opens it. */
  static async open(page: Page, url: string, secret: string, input: Record<string, unknown> = { title: 'Test post' }): Promise<{ editor: EditorPage; id: string }> {
    const created = await callApi(url, secret, 'posts.create', input);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    await page.goto(`${url}#/drafts/${created.value.id}`);
    const editor = new EditorPage(page);
    await expect(editor.body).toBeVisible();
    return { editor, id: created.value.id };
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Inserts a picture from a local file through the toolbar, with its alt text. */
  async insertImage(file: { name: string; mimeType: string; buffer: Buffer }, alt: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Insert image').click();
    await (await chooser).setFiles(file);
    const dialog = this.page.getByRole('dialog', { name: `Add image ${file.name}` });
    await dialog.getByLabel('Alt text (required)').fill(alt);
    await dialog.getByRole('button', { name: 'Add image' }).click();
    await expect(this.body.getByRole('img', { name: alt })).toBeVisible();
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved', { timeout: 10_000 });
  }

  async clear(): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
  }
}

/** The stored body's top-level blocks, as the server returns them. */
export async function storedBody(url: string, secret: string, id: string): Promise<any[]> {
  const got = await callApi(url, secret, 'posts.get', { id });
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  return got.value.body.root.children;
}
