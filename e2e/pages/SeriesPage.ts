/** Page model of the Series area: the new-series form, a series' running order and its exports. */
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class SeriesPage {
  readonly posts: Locator;
  readonly exports: Locator;

  constructor(readonly page: Page) {
    this.posts = page.getByRole('list', { name: 'Posts in running order' });
    this.exports = page.getByRole('group', { name: 'Export' });
  }

  async openArea(): Promise<void> {
    await this.page.getByRole('link', { name: /Series/ }).click();
  }

  async create(o: { title: string; topic: string; cadence?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New series' }).click();
    await this.page.getByLabel('Title', { exact: true }).fill(o.title);
    await this.page.getByLabel('Topic', { exact: true }).fill(o.topic);
    if (o.cadence) await this.page.getByLabel('Cadence').selectOption({ label: o.cadence });
    await this.page.getByRole('button', { name: 'Create series' }).click();
    await expect(this.page.getByRole('heading', { name: o.title, level: 1 })).toBeVisible();
  }

  row(title: string): Locator {
    return this.posts.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  titles(): Locator {
    return this.posts.locator('.series-row__title');
  }

  async addPost(title: string): Promise<void> {
    await this.page.getByLabel('Working title').fill(title);
    await this.page.getByRole('button', { name: 'Add post' }).click();
    await expect(this.row(title)).toBeVisible();
  }

  /** Types a planned date into a post's row and leaves the field, which saves it. */
  async plan(title: string, date: string): Promise<void> {
    const field = this.row(title).getByLabel('Planned');
    await field.fill(date);
    await field.press('Enter');
    await expect(field).toHaveValue(date);
  }

  async commission(title: string, guest: string, deadline: string): Promise<void> {
    const row = this.row(title);
    await row.getByRole('button', { name: 'Commission…' }).click();
    await row.getByLabel('Guest author').fill(guest);
    await row.getByLabel('Deadline').fill(deadline);
    await row.getByRole('button', { name: 'Commission', exact: true }).click();
    await expect(row.getByText(`Guest: ${guest}`)).toBeVisible();
  }

  /** Presses one of the plan's export buttons and returns the download. */
  async exportPlan(button: 'Export CSV' | 'Export .ics'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exports.getByRole('button', { name: button }).click()]);
    return download;
  }
}
