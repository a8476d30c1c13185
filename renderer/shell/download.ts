/**
 * Hands a file to the user: a Blob behind a download link, which works the same in the browser and
 * in Electron (which asks where to save it).
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text as a file. */
export function downloadText(file: { fileName: string; mime: string; text: string }): void {
  downloadBlob(new Blob([file.text], { type: file.mime }), file.fileName);
}
