/**
 * One export from the window: in the desktop app the system's save dialog picks the place and the
 * main process writes the files; in the browser the same files download.
 */
import type { Input } from '../../../common/api';
import type { Client } from '../../api/client';
import { downloadBundle } from './download';

export type ExportTargetInput = Input<'publish.bundle'>['target'];

let desktop: Promise<boolean> | null = null;
const isDesktop = (client: Client) =>
  (desktop ??= client.call('desktop.capabilities', {}).then(
    (c) => c.available,
    () => false,
  ));

/** What happened, in words for the status line; null when the user cancelled the save dialog. */
export async function runExport(client: Client, target: ExportTargetInput): Promise<string | null> {
  if (await isDesktop(client)) {
    const saved = await client.call('publish.saveAs', { target });
    if (!saved.saved) return null;
    const [first, ...rest] = saved.files;
    return `Saved ${first}${rest.length ? ` and ${rest.length} more file${rest.length === 1 ? '' : 's'}` : ''}.`;
  }
  const bundle = await client.call('publish.bundle', { target });
  const name = downloadBundle(bundle);
  return `Downloaded ${name}${bundle.files.length > 1 ? ` (${bundle.files.length} files)` : ''}.`;
}
