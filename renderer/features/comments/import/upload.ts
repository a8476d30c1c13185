/** Browser mode: streams a chosen file to POST /upload and returns its upload id. */
import { SECRET_HEADER } from '../../../../common/transport';
import { secretFromPage } from '../../../api/client';

export interface Uploaded {
  uploadId: string;
  fileName: string;
  size: number;
}

export async function uploadFile(file: File): Promise<Uploaded> {
  let res: Response;
  try {
    res = await fetch('/upload', {
      method: 'POST',
      headers: { [SECRET_HEADER]: secretFromPage(), 'x-file-name': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new Error('The workbench server is not reachable. Is it still running?');
  }
  const result = (await res.json().catch(() => null)) as { ok: boolean; value?: Uploaded; error?: { message: string } } | null;
  if (!result?.ok || !result.value) throw new Error(result?.error?.message ?? `The upload failed (${res.status}).`);
  return result.value;
}
