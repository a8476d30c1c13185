/** Copies HTML with a plain-text alternative; where rich clipboard items are refused, the HTML as text. */
export async function copyRich(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
      ]);
      return;
    } catch {
      // Some platforms refuse rich clipboard items; plain text still helps.
    }
  }
  await navigator.clipboard.writeText(html === text ? text : html);
}
