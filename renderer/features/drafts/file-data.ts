/** A picked or dropped file's bytes as base64, the way the API carries file contents. */
export const MAX_IMPORT_MB = 50;
/** Browser mode's local server takes requests up to 32 MB, which base64 fills with about 23 MB of file. */
export const MAX_BROWSER_IMPORT_MB = 23;

export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name}: the file could not be read.`));
    reader.readAsDataURL(file);
  });
}

export const DRAFT_FILE_ACCEPT = '.docx,.md,.markdown,.html,.htm,.txt,.text';
export const DRAFT_FILE_EXTENSIONS = ['docx', 'md', 'markdown', 'html', 'htm', 'txt', 'text'];
