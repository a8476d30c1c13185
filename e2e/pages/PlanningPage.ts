/** Page model of the Planning area: the calendar with its tray, My work, people and rules. */
import type { Locator, Page } from '@playwright/test';

export class PlanningPage {
  readonly tray: Locator;
  readonly grid: Locator;
  readonly announcer: Locator;

  constructor(readonly page: Page) {
    this.tray = page.getByTestId('plan-tray');
    this.grid = page.locator('table.plan-grid');
    this.announcer = page.getByTestId('planning-announcer');
  }

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: /Planning/ }).first().click();
    await this.page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();
  }

  tab(name: 'Calendar' | 'My work' | 'People' | 'Checklist rules'): Locator {
    return this.page.getByRole('navigation', { name: 'Planning views' }).getByRole('link', { name });
  }

  day(date: string): Locator {
    return this.grid.locator(`td[data-date="${date}"]`);
  }

  handle(title: string): Locator {
    return this.page.getByRole('button', { name: `Move “${title}”` });
  }

  chipIn(where: Locator, title: string): Locator {
    return where.locator('.plan-chip').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}
