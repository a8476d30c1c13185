/**
 * An export downloaded in browser mode: one file as it is, several files (a page with pictures,
 * a series) in one .zip whose folder holds them as the CLI writes them.
 */
import { zipSync, type Zippable } from 'fflate';
import { downloadBlob } from '../../shell/download';

/** Fixed entry times, so the same export zips to the same bytes. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

function bytesOf(base64: string): Uint8Array {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export interface Bundle {
  name: string;
  files: { path: string; base64: string }[];
}

/** Downloads the export; returns the name of the file the browser saves. */
export function downloadBundle(bundle: Bundle): string {
  if (bundle.files.length === 1) {
    const [file] = bundle.files;
    downloadBlob(new Blob([bytesOf(file.base64) as BlobPart]), bundle.name);
    return bundle.name;
  }
  const name = `${bundle.name}.zip`;
  downloadBlob(new Blob([zipBundle(bundle) as BlobPart], { type: 'application/zip' }), name);
  return name;
}

/** The files in one folder named for the export, zipped; the same files always give the same bytes. */
export function zipBundle(bundle: Bundle): Uint8Array {
  const entries: Zippable = {};
  for (const f of bundle.files) entries[`${bundle.name}/${f.path}`] = [bytesOf(f.base64), { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
