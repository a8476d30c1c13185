/**
 * The window's Export action: the same files the CLI's export, export-series and export-wxr write
 * with their default options, either handed to the renderer to download (browser mode) or written
 * where the user chose in the system's save dialog (desktop app).
 */
import path from 'node:path';
import type { ExportTarget } from '../../common/api/publish';
import type { PublishWarning } from '../../common/publish/index';
import type { DB } from '../../db/connection';
import type { DesktopCapabilities } from '../context';
import { requireAbsolute } from './files';
import { buildPage, writeAll, type WrittenExport } from './page-export';
import { loadPost } from './publish-input';
import { buildSeries } from './series-export';
import { renderWxr } from './wxr';

/** The CLI's defaults (stylesheet on, en-GB, no site name), so window and CLI write the same bytes. */
const CLI_DEFAULTS = { stylesheet: true, lang: 'en-GB', siteName: '' };
const WXR_DEFAULTS = { siteTitle: 'Editorial Workbench export', siteUrl: 'https://example.org', lang: 'en-GB' };

export interface BuiltExport {
  /** One file's name, or the folder's name when the export is several files. */
  name: string;
  /** Relative path -> content; several entries make a folder. */
  files: Map<string, string | Buffer>;
  warnings: PublishWarning[];
  /** What the save dialog offers: one file of an extension, or a folder. */
  save: { kind: 'file' | 'folder'; extensions: string[]; title: string };
}

export function buildExport(db: DB, target: ExportTarget): BuiltExport {
  switch (target.kind) {
    case 'page':
    case 'fragment': {
      const fragment = target.kind === 'fragment';
      const built = buildPage(db, {
        ref: target.post,
        fragment,
        withComments: target.kind === 'page' && target.withComments,
        assets: 'folder',
        force: target.force,
        options: CLI_DEFAULTS,
      });
      const files = new Map<string, string | Buffer>([[built.fileName, built.page], ...built.assetFiles]);
      // A page with pictures is a folder: the page and assets/ beside it, as the CLI writes them.
      const name = built.assetFiles.size ? built.fileName.replace(/\.html$/, '') : built.fileName;
      return { name, files, warnings: built.warnings, save: { kind: 'file', extensions: ['html'], title: fragment ? 'Export the CMS fragment' : 'Export the page' } };
    }
    case 'wxr': {
      const post = loadPost(db, target.post);
      const { xml } = renderWxr(db, [post], WXR_DEFAULTS);
      const name = `${post.slug}.xml`;
      return { name, files: new Map([[name, xml]]), warnings: [], save: { kind: 'file', extensions: ['xml'], title: 'Export as WordPress WXR' } };
    }
    case 'series': {
      const built = buildSeries(db, { ref: target.series, withComments: target.withComments, assets: 'folder', force: target.force, options: CLI_DEFAULTS });
      return { name: built.slug, files: built.files, warnings: built.warnings, save: { kind: 'folder', extensions: [], title: 'Choose a folder for the series' } };
    }
  }
}

/**
 * Asks where to save, then writes the export there: one file at the chosen path (its pictures in
 * assets/ beside it), or a series into the chosen folder. Nothing is built twice or half-written.
 */
export async function saveExport(db: DB, desktop: DesktopCapabilities, target: ExportTarget): Promise<WrittenExport & { saved: boolean }> {
  const built = buildExport(db, target);
  const [first] = built.files.keys();
  const chosen = await desktop.chooseSavePath({
    title: built.save.title,
    defaultName: built.save.kind === 'folder' ? built.name : first,
    kind: built.save.kind,
    extensions: built.save.extensions,
  });
  if (chosen === null) return { saved: false, files: [], bytes: 0, warnings: built.warnings };
  const at = requireAbsolute(chosen, 'The chosen place');
  const files = new Map<string, string | Buffer>();
  for (const [rel, data] of built.files) {
    if (built.save.kind === 'folder') files.set(path.join(at, rel), data);
    else files.set(rel === first ? at : path.join(path.dirname(at), rel), data);
  }
  return { ...writeAll(files, built.warnings), saved: true };
}
