/**
 * Page models of the Export dialog (a draft's or a series') and of the draft's full preview, and
 * the CLI run the window's exports are compared with.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { unzipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type PostFormat = 'Standalone page' | 'CMS fragment' | 'WordPress WXR';

export class ExportDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^Export “/ });
  }

  /** Opens it from the draft's header (or the preview's bar) with its button. */
  async openFrom(scope: Locator | Page): Promise<void> {
    await scope.getByRole('button', { name: 'Export…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async choose(format: PostFormat, withComments = false): Promise<void> {
    await this.dialog.getByRole('radio', { name: format }).check();
    const comments = this.dialog.getByRole('checkbox', { name: 'Include the approved comments' });
    if (await comments.isEnabled()) await comments.setChecked(withComments);
  }

  /** Presses Export and returns the browser's download. */
  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await expect(this.dialog.getByRole('status')).toHaveText(/^Downloaded /);
    return download;
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Done|Cancel)$/ }).click();
    await expect(this.dialog).toBeHidden();
  }
}

export class PreviewView {
  readonly view: Locator;
  readonly bar: Locator;
  readonly frameElement: Locator;
  readonly frame: FrameLocator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('region', { name: 'Preview of the exported page' });
    this.bar = this.view.getByRole('toolbar', { name: 'Preview' });
    this.frameElement = this.view.locator('iframe[title="Publish preview of this draft"]');
    this.frame = page.frameLocator('iframe[title="Publish preview of this draft"]');
  }

  choice(name: 'Desktop' | 'Phone' | 'Light' | 'Dark'): Locator {
    return this.bar.getByRole('button', { name, exact: true });
  }

  back(): Locator {
    return this.bar.getByRole('button', { name: '← Back to the text' });
  }
}

/** Bytes of a download. */
export async function bytesOf(download: Download): Promise<Buffer> {
  return fs.readFileSync((await download.path())!);
}

/** A downloaded .zip as its files: path inside the zip -> bytes. */
export async function unzipped(download: Download): Promise<Map<string, Buffer>> {
  const entries = unzipSync(new Uint8Array(await bytesOf(download)));
  return new Map(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data)]));
}

/** Every file under a folder, relative path (with /) -> bytes. */
export function filesUnder(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(prefix + path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return out;
}

/** `workbench <args> --db <file>` as a user runs it; fails the test when it does not exit 0. */
export function cli(dbPath: string, cwd: string, ...args: string[]): void {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/workbench.mjs'), ...args, '--db', dbPath], { encoding: 'utf8', cwd });
  expect(run.status, `workbench ${args.join(' ')}: ${run.stderr}`).toBe(0);
}
